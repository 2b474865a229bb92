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
 */
public record SloResult(
    String name, SloSpec spec, Double measured, boolean lowerBound, Status status, String message) {

  /** The bounds as text, with the metric's unit: {@code >= 0.95}, {@code <= 2 s}, {@code in [0.5, 1]}. */
  public String threshold() {
    return Format.threshold(spec);
  }

  /** The measured value as text with its unit ({@code 0.712}, {@code ≥ 42 s}), or {@code n/a}. */
  public String measuredText() {
    return measured == null ? "n/a" : (lowerBound ? "≥ " : "") + Format.value(spec.metric(), measured);
  }
}
