package dev.gauntlet.reports.scoring;

import dev.gauntlet.dataset.Expectation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Maps each kind of expectation to its {@link Scorer} and scores answers through it. The built-ins are registered
 * explicitly; scorers of your own kinds are added by hand or found with {@link ServiceLoader}. The composites
 * ({@code all_of}, {@code weighted}) always belong to the registry, so that their parts may be of any kind it knows.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * ScorerRegistry scorers = ScorerRegistry.standard();
 * Score score = scorers.score(item.expected(), AgentAnswer.of(record, item.input()));
 * }</pre>
 */
public final class ScorerRegistry {

  private final Map<String, Scorer<?>> scorers;

  private ScorerRegistry(Map<String, Scorer<?>> leaves) {
    Map<String, Scorer<?>> all = new LinkedHashMap<>(leaves);
    // The composites call back into this registry only when scoring, once it is complete.
    put(all, new AllOfScorer(this::score));
    put(all, new WeightedScorer(this::score));
    this.scorers = Collections.unmodifiableMap(all);
  }

  /** The built-ins, the judge configured from the environment, and every scorer {@link ServiceLoader} finds. */
  public static ScorerRegistry standard() {
    return builder()
        .builtIns(LlmJudgeScorer.fromEnvironment(System.getenv()))
        .discover(Thread.currentThread().getContextClassLoader())
        .build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * How well {@code answer} meets {@code expected}: unscored, with the reason, when no scorer knows its kind or the
   * scorer throws.
   */
  public Score score(Expectation expected, AgentAnswer answer) {
    Scorer<?> scorer = scorers.get(expected.kind());
    if (scorer == null) {
      return Score.unscored(
          "no scorer for kind "
              + expected.kind()
              + "; add one through the Scorer SPI, see "
              + "docs/scorers.md");
    }
    try {
      return apply(scorer, expected, answer);
    } catch (RuntimeException e) {
      return Score.unscored(scorer.getClass().getSimpleName() + " failed: " + e);
    }
  }

  /** The scorer of {@code kind}, if there is one. */
  public Optional<Scorer<?>> scorer(String kind) {
    return Optional.ofNullable(scorers.get(kind));
  }

  /** Every kind it scores. */
  public Set<String> kinds() {
    return scorers.keySet();
  }

  private static <E extends Expectation> Score apply(
      Scorer<E> scorer, Expectation expected, AgentAnswer answer) {
    if (!scorer.type().isInstance(expected)) {
      return Score.unscored(
          scorer.getClass().getSimpleName()
              + " scores "
              + scorer.type().getSimpleName()
              + ", but kind "
              + expected.kind()
              + " loaded as "
              + expected.getClass().getSimpleName());
    }
    return scorer.score(scorer.type().cast(expected), answer);
  }

  private static void put(Map<String, Scorer<?>> scorers, Scorer<?> scorer) {
    Scorer<?> earlier = scorers.putIfAbsent(scorer.kind(), scorer);
    if (earlier != null) {
      throw new IllegalStateException(
          "scorer "
              + scorer.getClass().getName()
              + ": kind must be unique, but "
              + scorer.kind()
              + " is also scored by "
              + earlier.getClass().getName());
    }
  }

  /** Collects scorers; a kind may be registered once. Not thread-safe. */
  public static final class Builder {

    private final Map<String, Scorer<?>> scorers = new LinkedHashMap<>();

    private Builder() {}

    /** Every built-in leaf kind, with {@code judge} for {@code llm_judge}. */
    public Builder builtIns(LlmJudgeScorer judge) {
      return add(new ExactScorer())
          .add(new ContainsScorer())
          .add(new RegexScorer())
          .add(new JsonFieldScorer())
          .add(new JsonSchemaScorer())
          .add(new NumericScorer())
          .add(new TrajectoryScorer())
          .add(new RefusalScorer())
          .add(judge);
    }

    /**
     * Adds {@code scorer}.
     *
     * @throws IllegalStateException when its kind already has a scorer, or is a composite
     */
    public Builder add(Scorer<?> scorer) {
      if (scorer.kind() == null
          || scorer.kind().equals("all_of")
          || scorer.kind().equals("weighted")) {
        throw new IllegalStateException(
            "scorer "
                + scorer.getClass().getName()
                + ": kind must be present and not a "
                + "composite (all_of, weighted), but was "
                + scorer.kind());
      }
      put(scorers, scorer);
      return this;
    }

    /** Adds every scorer listed in {@code META-INF/services/dev.gauntlet.reports.scoring.Scorer}. */
    public Builder discover(ClassLoader loader) {
      ServiceLoader.load(Scorer.class, loader).forEach(this::add);
      return this;
    }

    public ScorerRegistry build() {
      return new ScorerRegistry(scorers);
    }
  }
}
