package dev.gauntlet.reports.scoring;

import static dev.gauntlet.reports.scoring.Answers.json;
import static dev.gauntlet.reports.scoring.Answers.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gauntlet.dataset.Dataset;
import dev.gauntlet.dataset.DatasetLoader;
import dev.gauntlet.dataset.Expectation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScorerRegistryTest {

  private static final List<String> BUILT_IN =
      List.of(
          "exact",
          "contains",
          "regex",
          "json_field",
          "json_schema",
          "numeric",
          "trajectory",
          "refusal",
          "llm_judge",
          "all_of",
          "weighted");

  @Test
  void standardHasEveryBuiltInKindAndTheScorersServiceLoaderFinds() {
    assertThat(ScorerRegistry.standard().kinds()).containsAll(BUILT_IN).contains("shouting");
  }

  @Test
  void builtInsAloneAreExactlyTheBuiltInKinds() {
    assertThat(builtIns().kinds()).containsExactlyInAnyOrderElementsOf(BUILT_IN);
  }

  @Test
  void dispatchesByKind() {
    assertThat(builtIns().score(new Expectation.Exact("42"), text("42")).passed()).isTrue();
    assertThat(builtIns().score(new Expectation.Regex("\\d+", ""), text("no digits")).passed())
        .isFalse();
  }

  @Test
  void aKindWithoutAScorerIsUnscoredAndSaysHowToAddOne() {
    Score score =
        builtIns().score(new Expectation.Custom("sentiment", json("\"positive\"")), text("great"));

    assertThat(score)
        .isEqualTo(
            Score.unscored(
                "no scorer for kind sentiment; add one through the Scorer SPI, see "
                    + "docs/scorers.md"));
  }

  @Test
  void aScorerThatThrowsLeavesTheItemUnscoredInsteadOfStoppingTheEvaluation() {
    ScorerRegistry registry =
        ScorerRegistry.builder()
            .add(
                new Scorer<Expectation.Custom>() {
                  public String kind() {
                    return "broken";
                  }

                  public Class<Expectation.Custom> type() {
                    return Expectation.Custom.class;
                  }

                  public Score score(Expectation.Custom expected, AgentAnswer answer) {
                    throw new IllegalStateException("boom");
                  }
                })
            .build();

    Score score = registry.score(new Expectation.Custom("broken", json("1")), text("x"));

    assertThat(score.scored()).isFalse();
    assertThat(score.reason()).endsWith("failed: java.lang.IllegalStateException: boom");
  }

  @Test
  void rejectsASecondScorerForTheSameKind() {
    assertThatThrownBy(() -> ScorerRegistry.builder().add(new ExactScorer()).add(new ExactScorer()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "scorer dev.gauntlet.reports.scoring.ExactScorer: kind must be unique, but exact is also scored "
                + "by dev.gauntlet.reports.scoring.ExactScorer");
  }

  @Test
  void aKindOfOnesOwnLoadsFromItemsJsonlAndScoresThroughTheSpi(@TempDir Path tmp) throws Exception {
    Files.writeString(
        tmp.resolve("dataset.yaml"),
        "name: "
            + tmp.getFileName()
            + "\nversion: '1'\nowner: qa\n"
            + "description: d\ntools: []\n");
    Files.writeString(
        tmp.resolve("items.jsonl"),
        "{\"id\":\"a\",\"input\":\"Shout!\",\"expected\":{\"shouting\":true},"
            + "\"script\":[{\"answer\":\"HELLO\"}]}\n");
    Dataset dataset = DatasetLoader.load(tmp);

    Expectation expected = dataset.items().get(0).expected();

    assertThat(expected).isEqualTo(new Expectation.Custom("shouting", json("true")));
    assertThat(ScorerRegistry.standard().score(expected, text("HELLO")))
        .isEqualTo(Score.pass("shouts"));
    assertThat(ScorerRegistry.standard().score(expected, text("hello")).passed()).isFalse();
  }

  static ScorerRegistry builtIns() {
    return ScorerRegistry.builder().builtIns(LlmJudgeScorer.fromEnvironment(Map.of())).build();
  }
}
