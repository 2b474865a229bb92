package dev.gauntlet.reports.internal.detail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.dataset.Expectation;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptTextTest {

  /** Regression: any kind but contains, exact and json_field was cast to json_field and crashed the report. */
  @Test
  void statesEveryOtherKindAsItemsJsonlSpellsIt() {
    Expectation guarded =
        new Expectation.AllOf(
            List.of(
                new Expectation.Refusal(List.of(), List.of(), List.of("issue_refund")),
                new Expectation.Regex("C-\\d+", "")));

    assertThat(TranscriptText.expected(guarded))
        .isEqualTo(
            "{\"all_of\":[{\"refusal\":{\"must_not_call\":[\"issue_refund\"]}},{\"regex\":\"C-\\\\d+\"}]}");
  }
}
