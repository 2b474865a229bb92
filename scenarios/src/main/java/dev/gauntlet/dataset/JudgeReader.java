package dev.gauntlet.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/** Reads {@code llm_judge}: a rubric, or {@code {"rubric": "...", "threshold": 0.7, "model": "..."}}. */
final class JudgeReader {

  /** The threshold when none is given. */
  static final double DEFAULT_THRESHOLD = 0.5;

  private JudgeReader() {}

  static Optional<Expectation.LlmJudge> read(JsonFields expected) {
    JsonNode value = expected.node().get("llm_judge");
    if (value.isTextual()) {
      return expected
          .text("llm_judge", true)
          .map(rubric -> new Expectation.LlmJudge(rubric, DEFAULT_THRESHOLD, null));
    }
    if (!value.isObject()) {
      expected
          .spot()
          .report(
              expected.child("llm_judge"),
              "must be a rubric, or an object with rubric, threshold and "
                  + "model, but was "
                  + Describe.json(value));
      return Optional.empty();
    }
    JsonFields judge =
        JsonFields.of(value, expected.child("llm_judge"), expected.spot()).orElseThrow();
    judge.allowOnly(List.of("rubric", "threshold", "model"));
    Optional<String> rubric = judge.text("rubric", true);
    double threshold =
        ExpectedValues.number(judge, "threshold", false, 0, 1, "in [0, 1]")
            .orElse(DEFAULT_THRESHOLD);
    Optional<String> model = judge.text("model", false);
    return rubric.map(r -> new Expectation.LlmJudge(r, threshold, model.orElse(null)));
  }
}
