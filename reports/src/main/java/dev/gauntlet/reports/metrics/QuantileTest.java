package dev.gauntlet.reports.metrics;

/**
 * Tests of whether a quantile of one sample differs from the same quantile of another, built on the tails rather
 * than on ranks: for a percentile below 100, the difference of the two sample quantiles over its standard error, each
 * error read from the quantile's distribution-free (order-statistic) 95% confidence interval and widened by the
 * values' recording resolution; for the maximum, an exceedance test (how many of one sample's values lie above every
 * value of the other). Needs no resampling: O(1) on sorted arrays. Thread-safe (stateless).
 */
public final class QuantileTest {

  /** The normal quantile of the two-sided 95% order-statistic interval the standard error is read from. */
  static final double Z95 = 1.959963984540054;

  private QuantileTest() {}

  /**
   * Two-sided p-value of "{@code percentile} of {@code a} equals that of {@code b}": (q_b − q_a) ÷ √(se_a² + se_b²)
   * against the standard normal, where se = (x_(u) − x_(l)) ÷ (2 · 1.96) over the order statistics l, u =
   * n·p ∓ 1.96·√(n·p·(1 − p)) of the distribution-free 95% interval, and resolution² ÷ 12 is added to each variance
   * (values recorded in steps of {@code resolution} carry that rounding). 1 when either sample is empty.
   *
   * @param a          one sample, sorted ascending
   * @param b          the other, sorted ascending
   * @param percentile in (0, 100)
   * @param resolution the step the values were recorded in (1 for whole milliseconds)
   */
  public static double percentile(long[] a, long[] b, double percentile, double resolution) {
    if (a.length == 0 || b.length == 0) {
      return 1;
    }
    double difference = quantile(b, percentile) - quantile(a, percentile);
    double variance = variance(a, percentile, resolution) + variance(b, percentile, resolution);
    return difference == 0 ? 1 : Math.min(1, 2 * Significance.upperTail(Math.abs(difference) / Math.sqrt(variance)));
  }

  /**
   * Two-sided p-value of "the largest values of {@code a} and {@code b} come from the same tail": with k values of
   * one sample strictly above every value of the other, the chance that the k largest of the pooled values all fall in
   * that sample when the two are exchangeable, C(n, k) ÷ C(n + m, k), doubled for two sides. 1 when either is empty.
   *
   * @param a one sample, sorted ascending
   * @param b the other, sorted ascending
   */
  public static double maximum(long[] a, long[] b) {
    if (a.length == 0 || b.length == 0) {
      return 1;
    }
    boolean bHigher = b[b.length - 1] > a[a.length - 1];
    long[] high = bHigher ? b : a;
    long[] low = bHigher ? a : b;
    int above = high.length - upperBound(high, low[low.length - 1]);
    double p = 1;
    for (int i = 0; i < above; i++) {
      p *= (double) (high.length - i) / (high.length + low.length - i);
    }
    return Math.min(1, 2 * p);
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
