package dev.gauntlet.reports.scoring;

import static dev.gauntlet.reports.scoring.Answers.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.dataset.Expectation;
import dev.gauntlet.dataset.Expectation.Weighted.Part;
import java.util.List;
import org.junit.jupiter.api.Test;

/** all_of and weighted, scored through the registry so that parts may be of any kind. */
class CompositeScorerTest {

  private static final Expectation PASSES = new Expectation.Contains(List.of("shipped"));
  private static final Expectation FAILS = new Expectation.Exact("nope");

  /** Unscored: no judge is configured in these tests. */
  private static final Expectation UNSCORED = new Expectation.LlmJudge("Is it polite?", 0.5, null);

  private final ScorerRegistry registry = ScorerRegistryTest.builtIns();
  private final AgentAnswer answer = text("Your order has shipped.");

  @Test
  void allOfPassesWhenEveryPartPasses() {
    assertThat(
            registry.score(
                new Expectation.AllOf(List.of(PASSES, new Expectation.Regex("ship+ed", ""))),
                answer))
        .isEqualTo(Score.pass("all 2 parts passed"));
  }

  @Test
  void allOfFailsOnAFailedPartEvenWhenAnotherIsUnscored() {
    Score score = registry.score(new Expectation.AllOf(List.of(UNSCORED, PASSES, FAILS)), answer);

    assertThat(score.outcome()).isEqualTo(Score.Outcome.FAILED);
    assertThat(score.value()).as("mean of the scored parts").isEqualTo(0.5);
    assertThat(score.reason()).startsWith("part 3 (exact): output must be exactly \"nope\"");
  }

  @Test
  void allOfIsUnscoredWhenAPartIsAndNoneFailed() {
    Score score = registry.score(new Expectation.AllOf(List.of(PASSES, UNSCORED)), answer);

    assertThat(score.outcome()).isEqualTo(Score.Outcome.UNSCORED);
    assertThat(score.reason()).startsWith("part 2 (llm_judge): no LLM judge is configured");
  }

  @Test
  void weightedPassesWhenTheWeightedMeanReachesTheThreshold() {
    Expectation weighted =
        new Expectation.Weighted(List.of(new Part(3, PASSES), new Part(1, FAILS)), 0.75);

    assertThat(registry.score(weighted, answer))
        .isEqualTo(Score.pass(0.75, "weighted value 0.75 reaches the threshold 0.75"));
  }

  @Test
  void weightedCountsPartialCreditOfEachPart() {
    Expectation twoOfThree = new Expectation.Contains(List.of("order", "shipped", "tomorrow"));
    Expectation weighted =
        new Expectation.Weighted(List.of(new Part(1, twoOfThree), new Part(1, PASSES)), 0.9);

    Score score = registry.score(weighted, answer);

    assertThat(score.outcome()).isEqualTo(Score.Outcome.FAILED);
    assertThat(score.value()).isCloseTo(5.0 / 6, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void weightedWithAnUnscoredPartIsDecidedOnlyWhenThatPartCannotChangeTheOutcome() {
    List<Part> mostlyPassing = List.of(new Part(9, PASSES), new Part(1, UNSCORED));
    List<Part> mostlyFailing = List.of(new Part(9, FAILS), new Part(1, UNSCORED));

    assertThat(registry.score(new Expectation.Weighted(mostlyPassing, 0.8), answer).outcome())
        .isEqualTo(Score.Outcome.PASSED);
    assertThat(registry.score(new Expectation.Weighted(mostlyPassing, 0.95), answer).outcome())
        .isEqualTo(Score.Outcome.UNSCORED);
    assertThat(registry.score(new Expectation.Weighted(mostlyFailing, 0.5), answer).outcome())
        .isEqualTo(Score.Outcome.FAILED);
  }
}
