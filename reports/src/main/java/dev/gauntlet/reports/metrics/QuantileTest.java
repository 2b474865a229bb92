package dev.gauntlet.reports.metrics;

/**
 * One-sided tests of whether a quantile of a current sample is higher than the same quantile of a baseline sample,
 * built on the tails rather than on ranks: for a percentile below 100, the difference of the two sample quantiles
 * over its standard error, each error read from the quantile's distribution-free (order-statistic) 95% confidence
 * interval and widened by the values' recording resolution; for the maximum, an exceedance test (how many current
 * values lie above every baseline value). A baseline pooled from several runs is credited with the precision of one
 * run, since runs of one build shift as a whole and are not one sample of tasks. Needs no resampling: O(1) on sorted
 * arrays. Thread-safe (stateless).
 */
public final class QuantileTest {

  /** The normal quantile of the two-sided 95% order-statistic interval the standard error is read from. */
  static final double Z95 = 1.959963984540054;

  private QuantileTest() {}

  /**
   * One-sided p-value of "{@code percentile} of {@code current} is no higher than that of {@code baseline}":
   * z = (q_current − q_baseline) ÷ √(se_baseline² + se_current²) against the standard normal, where se = (x_(u) −
   * x_(l)) ÷ (2 · 1.96) over the order statistics l = ⌊n·p − 1.96·√(n·p·(1 − p))⌋, u = ⌈n·p + 1.96·√(n·p·(1 − p))⌉ + 1
   * of the distribution-free 95% interval (Conover), resolution² ÷ 12 is added to each variance (values recorded in
   * steps of {@code resolution} carry that rounding), and the baseline's variance is multiplied by
   * {@code baselineRuns}. 1 when either sample is empty or the current quantile is not higher.
   *
   * @param baseline     the baseline's values, sorted ascending (pooled over its runs)
   * @param current      the current run's values, sorted ascending
   * @param percentile   in (0, 100)
   * @param resolution   the step the values were recorded in (1 for whole milliseconds)
   * @param baselineRuns how many runs {@code baseline} pools
   */
  public static double higher(
      long[] baseline, long[] current, double percentile, double resolution, int baselineRuns) {
    if (baseline.length == 0 || current.length == 0) {
      return 1;
    }
    double difference = quantile(current, percentile) - quantile(baseline, percentile);
    double variance =
        baselineRuns * variance(baseline, percentile, resolution)
            + variance(current, percentile, resolution);
    return difference <= 0 ? 1 : Significance.upperTail(difference / Math.sqrt(variance));
  }

  /**
   * One-sided p-value of "the current run's largest values are no higher than the baseline's": with k current values
   * strictly above every baseline value, the chance that the k largest of the pooled values all fall in the current
   * run when the two are exchangeable, C(m, k) ÷ C(m + n, k) for m current and n baseline values, where a baseline
   * pooled over several runs counts as one run's worth (n ÷ {@code baselineRuns}). 1 when either is empty or k is 0.
   *
   * @param baseline     the baseline's values, sorted ascending (pooled over its runs)
   * @param current      the current run's values, sorted ascending
   * @param baselineRuns how many runs {@code baseline} pools
   */
  public static double maximumHigher(long[] baseline, long[] current, int baselineRuns) {
    if (baseline.length == 0 || current.length == 0) {
      return 1;
    }
    int above = current.length - upperBound(current, baseline[baseline.length - 1]);
    double others = (double) baseline.length / Math.max(1, baselineRuns);
    double p = 1;
    for (int i = 0; i < above; i++) {
      p *= (current.length - i) / (current.length + others - i);
    }
    return p;
  }

  /** The nearest-rank value at {@code percentile} of a sorted, non-empty sample (the rank rule of the verdict). */
  public static long quantile(long[] sorted, double percentile) {
    return sorted[Percentiles.rank(percentile, sorted.length) - 1];
  }

  /** The squared standard error of the sample quantile from its order-statistic interval, plus rounding. */
  static double variance(long[] sorted, double percentile, double resolution) {
    int n = sorted.length;
    double p = percentile / 100;
    double half = Z95 * Math.sqrt(n * p * (1 - p));
    int lower = (int) Math.max(1, Math.floor(n * p - half));
    int upper = (int) Math.min(n, Math.ceil(n * p + half) + 1);
    double se = (sorted[upper - 1] - sorted[lower - 1]) / (2 * Z95);
    return se * se + resolution * resolution / 12;
  }

  /** The index of the first value above {@code value}. */
  private static int upperBound(long[] sorted, long value) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
