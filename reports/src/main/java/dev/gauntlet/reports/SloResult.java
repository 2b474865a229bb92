package dev.gauntlet.reports;

import dev.gauntlet.reports.internal.Format;
import dev.gauntlet.scenario.SloSpec;

/**
 * One SLO judged. Immutable and thread-safe.
 *
 * @param name       unique name in the verdict: the metric, plus {@code @scope} when the scope is not the whole run
 *                   ({@code latency.p95@during_faults})
 * @param spec       the objective as the scenario states it
 * @param measured   the measured value in the metric's unit, or null when it could not be measured
 * @param lowerBound whether {@code measured} is only a lower bound (a fault window that had not recovered yet)
 * @param status     passed, failed or unresolved
 * @param message    one sentence: "success_rate was 0.712, must be >= 0.95", or why it could not be measured
 * @param interval   the confidence interval around {@code measured} when the SLO is judged on one
 *                   ({@code leak_rate}), else null
 */
public record SloResult(
    String name,
    SloSpec spec,
    Double measured,
    boolean lowerBound,
    Status status,
    String message,
    Interval interval) {

  /** A result judged on its measured value alone. */
  public SloResult(
      String name,
      SloSpec spec,
      Double measured,
      boolean lowerBound,
      Status status,
      String message) {
    this(name, spec, measured, lowerBound, status, message, null);
  }

  /** The bounds as text, with the metric's unit: {@code >= 0.95}, {@code <= 2 s}, {@code in [0.5, 1]}. */
  public String threshold() {
    return Format.threshold(spec);
  }

  /**
   * The measured value as text with its unit ({@code 0.712}, {@code ≥ 42 s}), followed by its interval when it has
   * one ({@code 181.2 MB/inference (95% CI [178.9, 183.5])}), or {@code n/a}.
   */
  public String measuredText() {
    if (measured == null) {
      return "n/a";
    }
    String value = (lowerBound ? "≥ " : "") + Format.value(spec.metric(), measured);
    return interval == null ? value : value + " (" + interval.text() + ")";
  }

  /**
   * A two-sided confidence interval.
   *
   * @param low        its lower end
   * @param high       its upper end
   * @param confidence its level, such as 0.95
   */
  public record Interval(double low, double high, double confidence) {

    /** {@code 95% CI [178.9, 183.5]}, to three decimals. */
    public String text() {
      return Format.number(100 * confidence, 1)
          + "% CI ["
          + Format.number(low, 3)
          + ", "
          + Format.number(high, 3)
          + "]";
    }
  }
}
