package dev.gauntlet.reports;

import java.util.Set;

/**
 * How much worse a metric may get against its baseline before it can count as a regression, the first part of a
 * {@link Floor}: an absolute drop for the rates ({@link #ABSOLUTE}: success_rate, accuracy and its interval, pass^k,
 * pass@k), a change for the worse relative to the baseline's value for every other metric (a rise of a latency or a
 * cost, a drop of goodput or achieved_rate). Immutable and thread-safe.
 *
 * @param maxDrop     largest drop of a rate that passes (0.02 is two points of success rate or accuracy)
 * @param maxIncrease largest change for the worse of any other metric that passes, as a fraction of the baseline
 *                    (0.1 is 10%)
 */
public record Tolerance(double maxDrop, double maxIncrease) {

  /** The rates whose allowance is an absolute drop ({@code maxDrop}). */
  public static final Set<String> ABSOLUTE =
      Set.of("success_rate", "accuracy", "accuracy.ci_low", "accuracy.ci_high", "pass^k", "pass@k");

  /** What {@code gauntlet diff} allows when not told otherwise: a drop of 0.02, a rise of 10%. */
  public static final Tolerance DEFAULT = new Tolerance(0.02, 0.10);

  public Tolerance {
    if (!(maxDrop >= 0) || !(maxIncrease >= 0)) {
      throw new IllegalArgumentException(
          "maxDrop and maxIncrease must be at least 0, but were "
              + maxDrop
              + " and "
              + maxIncrease);
    }
  }

  /** The allowance of {@code metric} in its own unit, given its baseline value. */
  public double allowance(String metric, double baseline) {
    return ABSOLUTE.contains(metric) ? maxDrop : maxIncrease * Math.abs(baseline);
  }
}
