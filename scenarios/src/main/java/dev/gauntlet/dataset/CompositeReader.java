package dev.gauntlet.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the composites: {@code all_of} (an array of expectations) and {@code weighted}. */
final class CompositeReader {

  private CompositeReader() {}

  /** {@code [{"contains": [...]}, {"regex": "..."}]}: every part must pass. */
  static Optional<Expectation.AllOf> allOf(JsonFields expected) {
    List<JsonNode> nodes = expected.list("all_of", true, 1).orElse(List.of());
    List<Expectation> parts = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      JsonFields.of(nodes.get(i), expected.child("all_of") + "[" + i + "]", expected.spot())
          .flatMap(ExpectationReader::read)
          .ifPresent(parts::add);
    }
    return !parts.isEmpty() && parts.size() == nodes.size()
        ? Optional.of(new Expectation.AllOf(parts))
        : Optional.empty();
  }

  /** {@code {"threshold": 0.8, "parts": [{"weight": 2, "expected": {...}}]}}. */
  static Optional<Expectation.Weighted> weighted(JsonFields expected) {
    Optional<JsonFields> found = expected.object("weighted", true);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    JsonFields weighted = found.get();
    weighted.allowOnly(List.of("threshold", "parts"));
    Optional<Double> threshold =
        ExpectedValues.number(weighted, "threshold", true, 0, 1, "in [0, 1]");
    List<JsonNode> nodes = weighted.list("parts", true, 1).orElse(List.of());
    List<Expectation.Weighted.Part> parts = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      JsonFields.of(nodes.get(i), weighted.child("parts") + "[" + i + "]", weighted.spot())
          .flatMap(CompositeReader::part)
          .ifPresent(parts::add);
    }
    return threshold.isPresent() && !parts.isEmpty() && parts.size() == nodes.size()
        ? Optional.of(new Expectation.Weighted(parts, threshold.get()))
        : Optional.empty();
  }

  private static Optional<Expectation.Weighted.Part> part(JsonFields part) {
    part.allowOnly(List.of("weight", "expected"));
    Optional<Double> weight =
        ExpectedValues.number(
            part, "weight", true, Double.MIN_VALUE, Double.MAX_VALUE, "greater than 0");
    Optional<Expectation> expected = part.object("expected", true).flatMap(ExpectationReader::read);
    return weight.isPresent() && expected.isPresent()
        ? Optional.of(new Expectation.Weighted.Part(weight.get(), expected.get()))
        : Optional.empty();
  }
}
