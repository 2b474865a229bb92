package dev.gauntlet.reports.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContainsScorerTest {

  private final Scorer scorer = new ContainsScorer(List.of("Paris", "france"));

  @Test
  void matchesWhenEveryValueAppearsIgnoringCase() {
    assertThat(scorer.matches("The capital of FRANCE is paris.")).isTrue();
  }

  @Test
  void rejectsWhenOneValueIsMissing() {
    assertThat(scorer.matches("The capital is Paris.")).isFalse();
  }

  @Test
  void rejectsNullOutput() {
    assertThat(scorer.matches(null)).isFalse();
  }
}
