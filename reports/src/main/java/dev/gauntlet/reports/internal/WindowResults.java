package dev.gauntlet.reports.internal;

import dev.gauntlet.reports.Evaluator;
import dev.gauntlet.reports.FaultWindowResult;
import dev.gauntlet.reports.metrics.FaultWindow;
import dev.gauntlet.reports.metrics.Recovery;
import dev.gauntlet.reports.metrics.Tally;
import dev.gauntlet.scenario.SloSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the per-window results: phases, each with every segment metric, and recovery, failover and detection
 * ({@link WindowTimes}). Thread-safe (stateless).
 */
public final class WindowResults {

  /** Success rate the health bar allows at least when the scenario has no success_rate SLO. */
  public static final double DEFAULT_MIN_SUCCESS_RATE = 0.95;

  private WindowResults() {}

  /** One result per window of {@code data}, in start order. */
  public static List<FaultWindowResult> of(RunData data, MetricMeter meter, List<SloSpec> slos) {
    Recovery.Bounds bounds = bounds(slos);
    List<FaultWindowResult> results = new ArrayList<>();
    for (int i = 0; i < data.windows().size(); i++) {
      FaultWindow window = data.windows().get(i);
      ScopeTotals[] phases = data.phases().get(i);
      WindowTimes times = WindowTimes.of(data, bounds, i);
      results.add(
          new FaultWindowResult(
              window.fault(),
              window.kind(),
              window.startMs(),
              window.endMs(),
              times.recovery(),
              phase(meter, phases[0]),
              phase(meter, phases[1]),
              phase(meter, phases[2]),
              times.timing()));
    }
    return results;
  }

  /** The bounds of healthy: the success_rate SLO's min and the latency.p95 SLO's max, whole-run scope first. */
  public static Recovery.Bounds bounds(List<SloSpec> slos) {
    Double min = bound(slos, "success_rate", true);
    return new Recovery.Bounds(
        min == null ? DEFAULT_MIN_SUCCESS_RATE : min, bound(slos, "latency.p95", false));
  }

  /** The bound of the first {@code metric} SLO, whole-run scope first; null when there is none. */
  static Double bound(List<SloSpec> slos, String metric, boolean lower) {
    Double fallback = null;
    for (SloSpec slo : slos) {
      Double value = lower ? slo.min() : slo.max();
      if (metric.equals(slo.metric()) && value != null) {
        if (slo.scope() == null || slo.scope() == SloSpec.Scope.WHOLE) {
          return value;
        }
        fallback = fallback == null ? value : fallback;
      }
    }
    return fallback;
  }

  private static FaultWindowResult.Phase phase(MetricMeter meter, ScopeTotals totals) {
    Tally tally = totals.tally();
    return new FaultWindowResult.Phase(
        tally.tasks(),
        tally.successRate(),
        tally.p95Seconds(),
        tally.accuracy(),
        meter.measureAll(Evaluator.SEGMENT_METRICS, totals));
  }
}
