package dev.gauntlet.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.regex.PatternSyntaxException;

/** Reads the kinds that look at the output as text: {@code contains}, {@code exact} and {@code regex}. */
final class TextKindReader {

  private TextKindReader() {}

  /** {@code "a"}, {@code ["a", "b"]} (all of them), {@code {"all": [...]}} or {@code {"any": [...]}}. */
  static Optional<Expectation.Contains> contains(JsonFields expected) {
    JsonNode value = expected.node().get("contains");
    if (value.isTextual()) {
      return expected.text("contains", true).map(text -> new Expectation.Contains(List.of(text)));
    }
    if (value.isArray()) {
      return ExpectedValues.texts(expected, "contains", true, 1).map(Expectation.Contains::new);
    }
    if (!value.isObject()) {
      expected
          .spot()
          .report(
              expected.child("contains"),
              "must be a string, an array of strings, or an object with "
                  + "all or any, but was "
                  + Describe.json(value));
      return Optional.empty();
    }
    JsonFields contains =
        JsonFields.of(value, expected.child("contains"), expected.spot()).orElseThrow();
    contains.allowOnly(List.of("all", "any"));
    if (contains.has("all") == contains.has("any")) {
      contains
          .spot()
          .report(
              contains.path(),
              "must have exactly one of all, any, but had "
                  + (contains.has("all") ? "both" : "none"));
      return Optional.empty();
    }
    Expectation.Contains.Match match =
        contains.has("all") ? Expectation.Contains.Match.ALL : Expectation.Contains.Match.ANY;
    return ExpectedValues.texts(contains, contains.has("all") ? "all" : "any", true, 1)
        .map(values -> new Expectation.Contains(values, match));
  }

  static Optional<Expectation.Exact> exact(JsonFields expected) {
    return expected.text("exact", true).map(Expectation.Exact::new);
  }

  /** {@code "pattern"} or {@code {"pattern": "...", "flags": "i"}}. */
  static Optional<Expectation.Regex> regex(JsonFields expected) {
    JsonNode value = expected.node().get("regex");
    if (value.isTextual()) {
      return compiled(
          new Expectation.Regex(value.asText(), ""), expected.child("regex"), expected.spot());
    }
    if (!value.isObject()) {
      expected
          .spot()
          .report(
              expected.child("regex"),
              "must be a regular expression, or an object with pattern and "
                  + "flags, but was "
                  + Describe.json(value));
      return Optional.empty();
    }
    JsonFields regex = JsonFields.of(value, expected.child("regex"), expected.spot()).orElseThrow();
    regex.allowOnly(List.of("pattern", "flags"));
    Optional<String> pattern =
        regex
            .value("pattern", true)
            .flatMap(
                p -> {
                  if (p.isTextual() && !p.asText().isEmpty()) {
                    return Optional.of(p.asText());
                  }
                  regex
                      .spot()
                      .report(
                          regex.child("pattern"),
                          "must be a non-empty string, but was " + Describe.json(p));
                  return Optional.empty();
                });
    Optional<String> flags = flags(regex);
    if (pattern.isEmpty() || flags.isEmpty()) {
      return Optional.empty();
    }
    return compiled(
        new Expectation.Regex(pattern.get(), flags.get()), regex.child("pattern"), regex.spot());
  }

  private static Optional<String> flags(JsonFields regex) {
    JsonNode flags = regex.node().path("flags");
    if (flags.isMissingNode()) {
      return Optional.of("");
    }
    if (flags.isTextual()
        && flags.asText().chars().allMatch(c -> Expectation.Regex.FLAG_LETTERS.indexOf(c) >= 0)) {
      return Optional.of(flags.asText());
    }
    regex
        .spot()
        .report(
            regex.child("flags"),
            "must be letters of "
                + Expectation.Regex.FLAG_LETTERS
                + " (ignore case, multi-line, dot matches newlines, comments), but was "
                + Describe.json(flags));
    return Optional.empty();
  }

  private static Optional<Expectation.Regex> compiled(
      Expectation.Regex regex, String path, LineSpot spot) {
    if (regex.pattern().isEmpty()) {
      spot.report(path, "must be a non-empty regular expression, but was \"\"");
      return Optional.empty();
    }
    try {
      regex.compile();
      return Optional.of(regex);
    } catch (PatternSyntaxException e) {
      spot.report(
          path,
          "must be a valid regular expression, but was "
              + Describe.quoted(regex.pattern())
              + ": "
              + e.getDescription()
              + (e.getIndex() >= 0 ? " near index " + e.getIndex() : ""));
      return Optional.empty();
    }
  }
}
