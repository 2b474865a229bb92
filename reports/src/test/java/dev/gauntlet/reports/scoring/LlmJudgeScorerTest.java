package dev.gauntlet.reports.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.dataset.Dataset;
import dev.gauntlet.dataset.Expectation;
import dev.gauntlet.dataset.Item;
import dev.gauntlet.dataset.ScriptStep;
import dev.gauntlet.faults.FaultPlane;
import dev.gauntlet.run.RunDirectory;
import dev.gauntlet.scenario.Evaluation;
import dev.gauntlet.scenario.Fault;
import dev.gauntlet.scenario.FaultPlaneSpec;
import dev.gauntlet.scenario.FaultSpec;
import dev.gauntlet.scenario.Provider;
import dev.gauntlet.scenario.Scenario;
import dev.gauntlet.scenario.Window;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The judge against Gauntlet's own provider mock: a fault plane whose scripted dataset holds, for each case, the
 * judge prompt as the input and the verdict as the answer, so the real HTTP path runs on loopback.
 */
class LlmJudgeScorerTest {

  private static final String RUBRIC = "The answer apologises and gives the refund amount.";
  private static final String MODEL = "judge-model";

  @TempDir Path tmp;

  @Test
  void passesWhenTheJudgeScoresAtLeastTheThreshold() {
    try (FaultPlane plane =
        plane(
            List.of(
                verdict(
                    "Sorry! Your refund of $20 is on its way.",
                    "{\"score\": 0.9, \"reason\": \"apologises and states the amount\"}")))) {

      Score score =
          judge(plane)
              .score(
                  new Expectation.LlmJudge(RUBRIC, 0.7, null),
                  answer("Sorry! Your refund of $20 is on its way."));

      assertThat(score)
          .isEqualTo(
              Score.pass(
                  0.9,
                  "judge scored 0.90: apologises and states the amount " + "(threshold 0.70)"));
    }
  }

  @Test
  void failsBelowTheThresholdWithTheJudgesScoreAsTheValue() {
    try (FaultPlane plane =
        plane(
            List.of(
                verdict(
                    "Refund done.",
                    "```json\n{\"score\": 0.2, \"reason\": \"no " + "apology\"}\n```")))) {

      Score score =
          judge(plane).score(new Expectation.LlmJudge(RUBRIC, 0.7, null), answer("Refund done."));

      assertThat(score)
          .isEqualTo(Score.fail(0.2, "judge scored 0.20: no apology (below the threshold 0.70)"));
    }
  }

  @Test
  void readsAScoreGivenAsAFractionInProse() {
    try (FaultPlane plane =
        plane(List.of(verdict("Sorry, refund of $20 sent.", "Score: 8/10. Good answer.")))) {

      Score score =
          judge(plane)
              .score(
                  new Expectation.LlmJudge(RUBRIC, 0.7, null),
                  answer("Sorry, refund of $20 sent."));

      assertThat(score.passed()).isTrue();
      assertThat(score.value()).isEqualTo(0.8);
    }
  }

  @Test
  void aReplyWithoutAScoreIsUnscoredWithTheReply() {
    try (FaultPlane plane = plane(List.of(verdict("Hi.", "I'd rather not grade this.")))) {

      Score score = judge(plane).score(new Expectation.LlmJudge(RUBRIC, 0.7, null), answer("Hi."));

      assertThat(score)
          .isEqualTo(
              Score.unscored(
                  "the judge's reply must hold a score such as {\"score\": 0.8}, but "
                      + "was \"I'd rather not grade this.\""));
    }
  }

  @Test
  void aScoreOutsideZeroToOneIsUnscored() {
    try (FaultPlane plane = plane(List.of(verdict("Hi.", "{\"score\": 7}")))) {

      Score score = judge(plane).score(new Expectation.LlmJudge(RUBRIC, 0.7, null), answer("Hi."));

      assertThat(score)
          .isEqualTo(Score.unscored("the judge's score must be in [0, 1], but was 7.0"));
    }
  }

  @Test
  void aProviderOutageIsUnscoredNotACrash() {
    FaultSpec outage =
        new FaultSpec(
            "judge-down",
            new Window(Duration.ZERO, Duration.ofHours(1)),
            1.0,
            "judge",
            null,
            new Fault.Outage(503));
    try (FaultPlane plane = plane(List.of(verdict("Hi.", "{\"score\": 1}")), outage)) {
      plane.startTimeline();

      Score score = judge(plane).score(new Expectation.LlmJudge(RUBRIC, 0.7, null), answer("Hi."));

      assertThat(score.outcome()).isEqualTo(Score.Outcome.UNSCORED);
      assertThat(score.reason())
          .startsWith(
              "the judge at "
                  + plane.providerBaseUrl("judge")
                  + "/chat/completions "
                  + "answered HTTP 503");
    }
  }

  @Test
  void anUnreachableJudgeIsUnscoredAndSaysWhatToCheck() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    JudgeConfig nobody =
        new JudgeConfig(
            URI.create("http://127.0.0.1:" + port + "/v1"), MODEL, null, Duration.ofSeconds(5));

    Score score =
        LlmJudgeScorer.of(nobody).score(new Expectation.LlmJudge(RUBRIC, 0.7, null), answer("Hi."));

    assertThat(score.outcome()).isEqualTo(Score.Outcome.UNSCORED);
    assertThat(score.reason())
        .startsWith(
            "could not reach the judge at http://127.0.0.1:" + port + "/v1/chat/completions")
        .endsWith("is it running? check GAUNTLET_JUDGE_BASE_URL");
  }

  @Test
  void withoutAConfiguredJudgeEveryItemIsUnscoredAndSaysWhatToSet() {
    Score score =
        LlmJudgeScorer.fromEnvironment(Map.of())
            .score(new Expectation.LlmJudge(RUBRIC, 0.7, null), answer("Hi."));

    assertThat(score)
        .isEqualTo(
            Score.unscored(
                "no LLM judge is configured; set GAUNTLET_JUDGE_BASE_URL (an "
                    + "OpenAI-compatible base URL ending in /v1) and GAUNTLET_JUDGE_MODEL"));
  }

  @Test
  void aMalformedBaseUrlInTheEnvironmentIsUnscoredNotACrash() {
    Score score =
        LlmJudgeScorer.fromEnvironment(Map.of(JudgeConfig.BASE_URL_ENV, "ftp://x"))
            .score(new Expectation.LlmJudge(RUBRIC, 0.7, null), answer("Hi."));

    assertThat(score)
        .isEqualTo(
            Score.unscored(
                "GAUNTLET_JUDGE_BASE_URL must be an http or https URL such as "
                    + "http://127.0.0.1:8080/v1, but was ftp://x"));
  }

  @Test
  void identicalAnswersAreJudgedOnceAndEachThresholdAppliedToTheSameGrade() {
    try (FaultPlane plane = plane(List.of(verdict("Same.", "{\"score\": 0.6}")))) {
      LlmJudgeScorer judge = judge(plane);

      Score lenient = judge.score(new Expectation.LlmJudge(RUBRIC, 0.5, null), answer("Same."));
      plane.close();
      Score strict = judge.score(new Expectation.LlmJudge(RUBRIC, 0.7, null), answer("Same."));

      assertThat(lenient.passed()).isTrue();
      assertThat(strict)
          .as("answered from memory after the mock closed")
          .isEqualTo(Score.fail(0.6, "judge scored 0.60 (below the threshold 0.70)"));
    }
  }

  private static AgentAnswer answer(String output) {
    return AgentAnswer.of(Answers.INPUT, output, List.of());
  }

  /** A dataset item that makes the scripted model answer the judge's prompt about {@code output} with {@code reply}. */
  private static Item verdict(String output, String reply) {
    return new Item(
        "judge-" + Math.abs(output.hashCode()),
        JudgePrompt.user(RUBRIC, Answers.INPUT, output),
        new Expectation.Exact("unused"),
        List.of(),
        List.of(new ScriptStep.Answer(reply)),
        List.of(),
        1);
  }

  private FaultPlane plane(List<Item> items, FaultSpec... faults) {
    Dataset dataset = new Dataset("judge", "1", "qa", List.of(), new ArrayList<>(items), null);
    Scenario scenario =
        new Scenario(
            "judge",
            1,
            null,
            "judge",
            List.of(new Provider("judge", "openai", MODEL)),
            Map.of(),
            null,
            List.of(faults),
            List.of(),
            Evaluation.defaults(),
            FaultPlaneSpec.anyPorts(),
            null);
    return FaultPlane.start(
        scenario, dataset, RunDirectory.create(tmp.resolve("run")), Clock.systemUTC());
  }

  private static LlmJudgeScorer judge(FaultPlane plane) {
    return LlmJudgeScorer.of(
        new JudgeConfig(plane.providerBaseUrl("judge"), MODEL, null, Duration.ofSeconds(10)));
  }
}
