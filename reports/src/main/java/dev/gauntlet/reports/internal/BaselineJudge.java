package dev.gauntlet.reports.internal;

import dev.gauntlet.reports.SloResult;
import dev.gauntlet.reports.Status;
import dev.gauntlet.reports.metrics.Significance;
import dev.gauntlet.run.RunDirectory;
import dev.gauntlet.scenario.SloSpec;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Judges an SLO relative to a baseline run ({@code max_drop}, {@code max_increase}). It fails only when the change
 * goes beyond the allowance <em>and</em> is significant at 95% (a two-proportion z-test for rates, Mann-Whitney on
 * latencies), so that run-to-run noise does not flap a gate; metrics without a test are judged on the allowance
 * alone. Unresolved without a baseline or when either side was not measured. Not thread-safe.
 */
public final class BaselineJudge {

  private final Map<String, Double> baselineMetrics;
  private final Map<String, Long> baselineSamples;
  private final Supplier<Double> latencyP;

  /**
   * @param baselineMetrics the baseline's whole-run metrics, null without a baseline
   * @param baselineSamples tasks behind each of them
   * @param latencyP        computes the Mann-Whitney p-value of the two runs' latencies (read only when needed)
   */
  BaselineJudge(Map<String, Double> baselineMetrics, Map<String, Long> baselineSamples, Supplier<Double> latencyP) {
    this.baselineMetrics = baselineMetrics;
    this.baselineSamples = baselineSamples;
    this.latencyP = latencyP;
  }

  /** The p-value of two runs' latencies, read from their records once. */
  public static Supplier<Double> latencies(RunDirectory baseline, RunDirectory current) {
    Double[] p = {null};
    return () -> p[0] != null ? p[0] : (p[0] = Significance.mannWhitney(
        dev.gauntlet.reports.RunDiff.latencies(baseline), dev.gauntlet.reports.RunDiff.latencies(current)));
  }

  SloResult judge(SloSpec spec, String name, Measurement current) {
    if (baselineMetrics == null) {
      return SloJudge.unresolved(spec, name, current.value(),
          "could not be judged: it is relative to a baseline and none was given (--baseline RUN_DIR)");
    }
    Double base = baselineMetrics.get(spec.metric());
    if (base == null || current.value() == null) {
      return SloJudge.unresolved(spec, name, current.value(), "could not be measured: " + (base == null
          ? "the baseline has no " + spec.metric() : current.missing()));
    }
    double value = current.value();
    Double p = pValue(spec.metric(), base, value, current.samples());
    boolean beyond = spec.maxDrop() != null ? base - value > spec.maxDrop() : value - base > spec.maxIncrease() * base;
    boolean failed = beyond && (p == null || p < Significance.ALPHA);
    String change = String.format(Locale.ROOT, "%s was %s against the baseline's %s (%s%s)", name,
        Format.value(spec.metric(), value), Format.value(spec.metric(), base),
        (value >= base ? "+" : "") + Format.number(value - base, 6),
        p == null ? "" : String.format(Locale.ROOT, ", p = %.3g", p));
    String verdict = beyond && !failed ? "; beyond the allowance but not significant at 95%, so within noise" : "";
    return new SloResult(name, spec, value, false, failed ? Status.FAILED : Status.PASSED,
        change + ", must be " + Format.threshold(spec) + verdict);
  }

  private Double pValue(String metric, double base, double value, long samples) {
    Long baseN = baselineSamples.get(metric);
    if (dev.gauntlet.reports.RunDiff.RATES.contains(metric)) {
      return baseN == null || samples <= 0 ? null
          : Significance.twoProportions(Math.round(base * baseN), baseN, Math.round(value * samples), samples);
    }
    return metric.startsWith("latency.") ? latencyP.get() : null;
  }
}
