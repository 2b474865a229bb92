package dev.gauntlet.reports.scoring;

import dev.gauntlet.dataset.Expectation;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code llm_judge}: an LLM grades the output against the rubric with a score in [0, 1] ({@link JudgeVerdict}); the
 * item passes at its threshold or above, and the score is the value. The judge is an OpenAI-compatible Chat
 * Completions endpoint ({@link JudgeConfig}). Anything that keeps a grade from coming back (no judge configured,
 * unreachable, an HTTP error, a reply without a score) makes the item unscored, with the reason; it never throws.
 * Grades are remembered per model, rubric, task and output, so identical answers are judged once. Thread-safe.
 */
public final class LlmJudgeScorer implements Scorer<Expectation.LlmJudge> {

  private static final int MAX_REMEMBERED = 10_000;

  private final JudgeConfig config;
  private final JudgeClient client;
  private final String unavailable;
  private final Map<List<String>, JudgeVerdict> remembered = new ConcurrentHashMap<>();

  private LlmJudgeScorer(JudgeConfig config, String unavailable) {
    this.config = config;
    this.client = config == null ? null : new JudgeClient(config);
    this.unavailable = unavailable;
  }

  /** A judge at {@code config}. */
  public static LlmJudgeScorer of(JudgeConfig config) {
    return new LlmJudgeScorer(config, null);
  }

  /** The judge {@code env} configures ({@link JudgeConfig#fromEnvironment}); without one, every item is unscored. */
  public static LlmJudgeScorer fromEnvironment(Map<String, String> env) {
    try {
      JudgeConfig config = JudgeConfig.fromEnvironment(env);
      return config != null
          ? of(config)
          : new LlmJudgeScorer(
              null,
              "no LLM judge is configured; set "
                  + JudgeConfig.BASE_URL_ENV
                  + " (an OpenAI-compatible base URL ending in /v1) and "
                  + JudgeConfig.MODEL_ENV);
    } catch (IllegalArgumentException e) {
      return new LlmJudgeScorer(null, e.getMessage());
    }
  }

  @Override
  public String kind() {
    return "llm_judge";
  }

  @Override
  public Class<Expectation.LlmJudge> type() {
    return Expectation.LlmJudge.class;
  }

  @Override
  public Score score(Expectation.LlmJudge expected, AgentAnswer answer) {
    if (config == null) {
      return Score.unscored(unavailable);
    }
    String model = expected.model() != null ? expected.model() : config.model();
    if (model == null) {
      return Score.unscored(
          "no judge model; set " + JudgeConfig.MODEL_ENV + " or the item's llm_judge.model");
    }
    String user = JudgePrompt.user(expected.rubric(), answer.input(), answer.output());
    List<String> key = List.of(model, user);
    JudgeVerdict known = remembered.get(key);
    if (known != null) {
      return threshold(known, expected);
    }
    try {
      JudgeVerdict verdict = JudgeVerdict.parse(client.ask(model, user));
      if (remembered.size() < MAX_REMEMBERED) {
        remembered.put(key, verdict);
      }
      return threshold(verdict, expected);
    } catch (JudgeClient.JudgeException | IllegalArgumentException e) {
      return Score.unscored(e.getMessage());
    }
  }

  /** The grade held against this item's threshold; grades are remembered apart from any threshold. */
  private static Score threshold(JudgeVerdict grade, Expectation.LlmJudge expected) {
    String said =
        "judge scored "
            + format(grade.score())
            + (grade.reason().isEmpty() ? "" : ": " + grade.reason());
    return grade.score() >= expected.threshold()
        ? Score.pass(grade.score(), said + " (threshold " + format(expected.threshold()) + ")")
        : Score.fail(
            grade.score(), said + " (below the threshold " + format(expected.threshold()) + ")");
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }
}
