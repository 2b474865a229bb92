package dev.gauntlet.reports.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JudgeVerdictTest {

  @Test
  void readsAJsonVerdictEvenInsideProseOrACodeFence() {
    assertThat(JudgeVerdict.parse("{\"score\": 0.75, \"reason\": \"mostly\"}"))
        .isEqualTo(new JudgeVerdict(0.75, "mostly"));
    assertThat(JudgeVerdict.parse("Here you go:\n```json\n{\"score\": 1}\n```"))
        .isEqualTo(new JudgeVerdict(1, ""));
  }

  @Test
  void readsALabelledScoreOrABareNumberAndTurnsFractionsIntoShares() {
    assertThat(JudgeVerdict.parse("Score = 0.4 because…").score()).isEqualTo(0.4);
    assertThat(JudgeVerdict.parse("SCORE: 3/4").score()).isEqualTo(0.75);
    assertThat(JudgeVerdict.parse(" 0.5 ").score()).isEqualTo(0.5);
    assertThat(JudgeVerdict.parse("9/10").score()).isEqualTo(0.9);
  }

  @Test
  void rejectsAReplyWithoutAScoreOrWithOneOutsideZeroToOne() {
    assertThatThrownBy(() -> JudgeVerdict.parse("Looks fine to me"))
        .hasMessage(
            "the judge's reply must hold a score "
                + "such as {\"score\": 0.8}, but was \"Looks fine to me\"");
    assertThatThrownBy(() -> JudgeVerdict.parse("Score: 8"))
        .hasMessage("the judge's score must be in [0, 1], but " + "was 8.0");
    assertThatThrownBy(() -> JudgeVerdict.parse("1/0"))
        .hasMessage("the judge's score must be in [0, 1], but was " + "Infinity");
  }
}
