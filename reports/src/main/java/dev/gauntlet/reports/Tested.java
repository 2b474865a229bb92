package dev.gauntlet.reports;

import dev.gauntlet.reports.metrics.QuantileTest;
import dev.gauntlet.reports.metrics.Significance;
import java.util.List;
import java.util.Map;

/**
 * One metric's values and its test before the Holm correction: the baseline's value (mean over its runs), the current
 * value, the test that applies and its one-sided p-value of "not worse". Immutable and thread-safe.
 */
record Tested(String metric, Double baseline, Double current, String test, Double p) {

  /** Percentiles compared by {@link QuantileTest#higher}, and the percentile of each. */
  static final Map<String, Double> PERCENTILES =
      Map.of(
          "latency.p50",
          50.0,
          "latency.p95",
          95.0,
          "latency.p99",
          99.0,
          "ttft.p50",
          50.0,
          "ttft.p95",
          95.0,
          "ttft.p99",
          99.0);

  /**
   * {@code metric} with its test: the z-test for {@link RunDiff#RATES}, the quantile test for {@link #PERCENTILES},
   * the exceedance test for {@code latency.max}, none for the others or when either side lacks the data.
   */
  static Tested of(
      String metric, Double b, Double c, List<RunSample> baselines, RunSample current) {
    if (b == null || c == null) {
      return new Tested(metric, b, c, null, null);
    }
    if (RunDiff.RATES.contains(metric)) {
      Double p = rateP(metric, baselines, current);
      return new Tested(metric, b, c, p == null ? null : "z-test", p);
    }
    if (PERCENTILES.containsKey(metric) || "latency.max".equals(metric)) {
      long[] base = RunSample.pooled(baselines, metric);
      long[] cur = current.values(metric);
      if (base.length == 0 || cur.length == 0) {
        return new Tested(metric, b, c, null, null);
      }
      int runs = baselines.size();
      return "latency.max".equals(metric)
          ? new Tested(metric, b, c, "exceedance", QuantileTest.maximumHigher(base, cur, runs))
          : new Tested(
              metric,
              b,
              c,
              "quantile",
              QuantileTest.higher(base, cur, PERCENTILES.get(metric), 1, runs));
    }
    return new Tested(metric, b, c, null, null);
  }

  /** The one-sided p-value of a lower rate, the baseline pooled over its runs and counted as one run's worth. */
  private static Double rateP(String metric, List<RunSample> baselines, RunSample current) {
    double x1 = 0;
    double n1 = 0;
    int runs = 0;
    for (RunSample run : baselines) {
      Long n = run.samples().get(metric);
      Double p = run.metrics().get(metric);
      if (n != null && p != null && n > 0) {
        x1 += Math.round(p * n);
        n1 += n;
        runs++;
      }
    }
    Long n2 = current.samples().get(metric);
    Double p2 = current.metrics().get(metric);
    if (runs == 0 || n2 == null || p2 == null || n2 == 0) {
      return null;
    }
    return Significance.proportionLower(x1 / n1, n1 / runs, (double) Math.round(p2 * n2) / n2, n2);
  }

  /** Whether {@code other} is the same test on the same numbers. */
  boolean sameTestAs(Tested other) {
    return other.p() != null
        && test.equals(other.test())
        && p.equals(other.p())
        && baseline.equals(other.baseline())
        && current.equals(other.current());
  }
}
