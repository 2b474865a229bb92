package dev.gauntlet.reports.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExactScorerTest {

  private final Scorer scorer = new ExactScorer("42");

  @Test
  void matchesAfterTrimmingWhitespace() {
    assertThat(scorer.matches("  42\n")).isTrue();
  }

  @Test
  void isCaseAndContentSensitive() {
    assertThat(scorer.matches("42.0")).isFalse();
    assertThat(new ExactScorer("Yes").matches("yes")).isFalse();
  }

  @Test
  void rejectsNullOutput() {
    assertThat(scorer.matches(null)).isFalse();
  }
}
