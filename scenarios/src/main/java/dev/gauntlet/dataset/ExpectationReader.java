package dev.gauntlet.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads an item's {@code expected}: exactly one of {@code contains}, {@code exact} or {@code json_field}. */
final class ExpectationReader {

  private static final List<String> KINDS = List.of("contains", "exact", "json_field");

  private ExpectationReader() {}

  static Optional<Expectation> read(JsonFields expected) {
    expected.allowOnly(KINDS);
    List<String> present = KINDS.stream().filter(expected::has).toList();
    if (present.size() != 1) {
      String had = present.isEmpty() ? "none" : String.join(" and ", present);
      expected.spot().report(expected.path(), "must have exactly one of " + String.join(", ", KINDS)
          + ", but had " + had);
      return Optional.empty();
    }
    switch (present.get(0)) {
      case "contains": return contains(expected);
      case "exact": return expected.text("exact", true).map(Expectation.Exact::new);
      default: return expected.object("json_field", true).flatMap(ExpectationReader::jsonField);
    }
  }

  private static Optional<Expectation> contains(JsonFields expected) {
    List<String> values = new ArrayList<>();
    List<JsonNode> elements = expected.list("contains", true, 1).orElse(List.of());
    for (int i = 0; i < elements.size(); i++) {
      JsonNode value = elements.get(i);
      if (value.isTextual() && !value.asText().isBlank()) {
        values.add(value.asText());
      } else {
        expected.spot().report(expected.child("contains") + "[" + i + "]",
            "must be a non-blank string, but was " + Describe.json(value));
      }
    }
    return values.isEmpty() || values.size() < elements.size()
        ? Optional.empty() : Optional.of(new Expectation.Contains(values));
  }

  private static Optional<Expectation> jsonField(JsonFields field) {
    field.allowOnly(List.of("pointer", "equals"));
    Optional<String> pointer = field.value("pointer", true).flatMap(value -> {
      if (value.isTextual() && value.asText().startsWith("/")) {
        return Optional.of(value.asText());
      }
      field.spot().report(field.child("pointer"), "must be a JSON pointer starting with /, but was "
          + Describe.json(value));
      return Optional.empty();
    });
    Optional<String> equals = field.value("equals", true).flatMap(value -> {
      if (value.isValueNode() && !value.isNull()) {
        return Optional.of(value.asText());
      }
      field.spot().report(field.child("equals"), "must be a string, number or boolean, but was "
          + Describe.json(value));
      return Optional.empty();
    });
    return pointer.isPresent() && equals.isPresent()
        ? Optional.of(new Expectation.JsonField(pointer.get(), equals.get())) : Optional.empty();
  }
}
