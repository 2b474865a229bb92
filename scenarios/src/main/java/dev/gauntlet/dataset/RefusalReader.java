package dev.gauntlet.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/** Reads {@code refusal}: {@code true}, or an object with phrases, escalate_tools and must_not_call. */
final class RefusalReader {

  private RefusalReader() {}

  static Optional<Expectation.Refusal> read(JsonFields expected) {
    JsonNode value = expected.node().get("refusal");
    if (value.isBoolean() && value.asBoolean()) {
      return Optional.of(new Expectation.Refusal(List.of(), List.of(), List.of()));
    }
    if (!value.isObject()) {
      expected
          .spot()
          .report(
              expected.child("refusal"),
              "must be true, or an object with phrases, escalate_tools and "
                  + "must_not_call, but was "
                  + Describe.json(value));
      return Optional.empty();
    }
    JsonFields refusal =
        JsonFields.of(value, expected.child("refusal"), expected.spot()).orElseThrow();
    refusal.allowOnly(List.of("phrases", "escalate_tools", "must_not_call"));
    Optional<List<String>> phrases = ExpectedValues.texts(refusal, "phrases", false, 0);
    Optional<List<String>> escalate = ExpectedValues.texts(refusal, "escalate_tools", false, 0);
    Optional<List<String>> mustNotCall = ExpectedValues.texts(refusal, "must_not_call", false, 0);
    return Optional.of(
        new Expectation.Refusal(
            phrases.orElse(List.of()), escalate.orElse(List.of()), mustNotCall.orElse(List.of())));
  }
}
