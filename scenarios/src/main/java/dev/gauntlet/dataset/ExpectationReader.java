package dev.gauntlet.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads an item's {@code expected}: exactly one kind, built-in ({@link ExpectationKinds#BUILT_IN}) or declared
 * through {@link ExpectationKind}. Composites read their parts with it again.
 */
final class ExpectationReader {

  private static final Map<String, Function<JsonFields, Optional<? extends Expectation>>> READERS =
      Map.ofEntries(
          Map.entry("contains", TextKindReader::contains),
          Map.entry("exact", TextKindReader::exact),
          Map.entry("regex", TextKindReader::regex),
          Map.entry("json_field", JsonKindReader::jsonField),
          Map.entry("json_schema", JsonKindReader::jsonSchema),
          Map.entry("numeric", JsonKindReader::numeric),
          Map.entry("trajectory", TrajectoryReader::read),
          Map.entry("refusal", RefusalReader::read),
          Map.entry("llm_judge", JudgeReader::read),
          Map.entry("all_of", CompositeReader::allOf),
          Map.entry("weighted", CompositeReader::weighted));

  private ExpectationReader() {}

  static Optional<Expectation> read(JsonFields expected) {
    List<String> kinds = ExpectationKinds.names();
    expected.allowOnly(kinds);
    List<String> present = kinds.stream().filter(expected::has).toList();
    if (present.size() != 1) {
      String had = present.isEmpty() ? "none" : String.join(" and ", present);
      expected
          .spot()
          .report(
              expected.path(),
              "must have exactly one of " + String.join(", ", kinds) + ", but had " + had);
      return Optional.empty();
    }
    String kind = present.get(0);
    Function<JsonFields, Optional<? extends Expectation>> reader = READERS.get(kind);
    if (reader == null) {
      return custom(expected, ExpectationKinds.custom().get(kind));
    }
    int before = expected.spot().problemCount();
    Optional<? extends Expectation> read = reader.apply(expected);
    // A reader that reported something gives nothing, so one broken part never becomes a weaker
    // expectation.
    return expected.spot().problemCount() > before
        ? Optional.empty()
        : read.map(Expectation.class::cast);
  }

  private static Optional<Expectation> custom(JsonFields expected, ExpectationKind kind) {
    JsonNode spec = expected.node().get(kind.name());
    List<String> problems;
    try {
      problems = kind.check(spec);
    } catch (RuntimeException e) {
      problems =
          List.of(
              "must be readable by " + kind.getClass().getName() + ", but its check failed: " + e);
    }
    problems.forEach(problem -> expected.spot().report(expected.child(kind.name()), problem));
    return problems.isEmpty()
        ? Optional.of(new Expectation.Custom(kind.name(), spec))
        : Optional.empty();
  }
}
