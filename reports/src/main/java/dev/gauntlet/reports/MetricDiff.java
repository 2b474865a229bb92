package dev.gauntlet.reports;

import dev.gauntlet.reports.metrics.Significance;
import java.util.Set;

/**
 * One metric of a run against the same metric of a baseline run. Immutable and thread-safe.
 *
 * @param metric   the metric's name
 * @param baseline its value in the baseline run, null when not measured there
 * @param current  its value in this run, null when not measured here
 * @param test     the test behind {@code pValue} ({@code z-test}, {@code Mann-Whitney}), null when the metric has none
 * @param pValue   the two-sided p-value of "no difference", null without a test
 */
public record MetricDiff(String metric, Double baseline, Double current, String test, Double pValue) {

  /** Metrics that are better when higher; every other metric is better when lower. */
  public static final Set<String> HIGHER_IS_BETTER = Set.of("success_rate", "accuracy", "accuracy.ci_low",
      "accuracy.ci_high", "pass^k", "pass@k", "goodput", "achieved_rate");

  /** current − baseline, or null when either is missing. */
  public Double delta() {
    return baseline == null || current == null ? null : current - baseline;
  }

  /** (current − baseline) ÷ baseline, or null when either is missing or the baseline is 0. */
  public Double relativeDelta() {
    return delta() == null || baseline == 0 ? null : delta() / baseline;
  }

  /** Whether a test found the difference unlikely to be noise (p below {@link Significance#ALPHA}). */
  public boolean significant() {
    return pValue != null && pValue < Significance.ALPHA;
  }

  /** Whether the value moved the wrong way (a drop where higher is better, a rise otherwise). */
  public boolean worse() {
    Double delta = delta();
    return delta != null && (HIGHER_IS_BETTER.contains(metric) ? delta < 0 : delta > 0);
  }

  /**
   * Whether this is a regression a gate should stop on: significant, worse, and beyond the allowance: a drop of more
   * than {@code maxDrop} (absolute) for metrics where higher is better, a rise of more than {@code maxIncrease}
   * (relative) for the others.
   */
  public boolean regression(double maxDrop, double maxIncrease) {
    if (!significant() || !worse()) {
      return false;
    }
    if (HIGHER_IS_BETTER.contains(metric)) {
      return -delta() > maxDrop;
    }
    return relativeDelta() == null || relativeDelta() > maxIncrease;
  }
}
