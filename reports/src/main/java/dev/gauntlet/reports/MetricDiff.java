package dev.gauntlet.reports;

import dev.gauntlet.reports.metrics.Significance;
import java.util.Set;

/**
 * One metric of a run against the same metric of its baseline (one run, or the mean of several), with the test, its
 * Holm-adjusted p-value, the practical floor and the decision. Immutable and thread-safe.
 *
 * @param metric       the metric's name
 * @param baseline     its value in the baseline (the mean over the baseline runs that measured it), null when none did
 * @param current      its value in this run, null when not measured here
 * @param test         the test behind {@code pValue} ({@code z-test}, {@code quantile}, {@code exceedance}), null
 *                     when the metric has none
 * @param pValue       the test's one-sided p-value of "not worse", null without a test
 * @param adjustedP    {@code pValue} adjusted by Holm–Bonferroni over every metric tested in the same comparison,
 *                     null without a test
 * @param floor        the practical floor a worse change must exceed, null when either value is missing
 * @param decision     what the change amounts to
 */
public record MetricDiff(
    String metric,
    Double baseline,
    Double current,
    String test,
    Double pValue,
    Double adjustedP,
    Floor floor,
    Decision decision) {

  /** Metrics that are better when higher; every other metric is better when lower. */
  public static final Set<String> HIGHER_IS_BETTER =
      Set.of(
          "success_rate",
          "accuracy",
          "accuracy.ci_low",
          "accuracy.ci_high",
          "pass^k",
          "pass@k",
          "goodput",
          "achieved_rate");

  /** What a change amounts to. */
  public enum Decision {
    /** Worse, significant after Holm, and larger than the floor: a gate stops on it. */
    REGRESSION("REGRESSION"),
    /** Worse and significant, but not larger than the floor. */
    WITHIN_FLOOR("worse, within floor"),
    /** Not significant after Holm: as likely the noise of the samples. */
    NOISE("noise"),
    /** Better, significantly or not. */
    BETTER("better"),
    /** The same value. */
    UNCHANGED("unchanged"),
    /** No test applies to this metric (cost, goodput, recovery, …): shown, never a regression. */
    NOT_TESTED("not tested"),
    /** One side did not measure it. */
    NOT_MEASURED("n/a");

    private final String label;

    Decision(String label) {
      this.label = label;
    }

    /** How the diff table shows it. */
    public String label() {
      return label;
    }
  }

  /** current − baseline, or null when either is missing. */
  public Double delta() {
    return baseline == null || current == null ? null : current - baseline;
  }

  /** (current − baseline) ÷ baseline, or null when either is missing or the baseline is 0. */
  public Double relativeDelta() {
    return delta() == null || baseline == 0 ? null : delta() / baseline;
  }

  /** Whether the Holm-adjusted p-value is below {@link Significance#ALPHA}. */
  public boolean significant() {
    return adjustedP != null && adjustedP < Significance.ALPHA;
  }

  /** Whether the value moved the wrong way (a drop where higher is better, a rise otherwise). */
  public boolean worse() {
    return worse(metric, delta());
  }

  /** Whether a gate should stop on it: {@link Decision#REGRESSION}. */
  public boolean regression() {
    return decision == Decision.REGRESSION;
  }

  static boolean worse(String metric, Double delta) {
    return delta != null && (HIGHER_IS_BETTER.contains(metric) ? delta < 0 : delta > 0);
  }
}
