package dev.gauntlet.reports.metrics;

import java.util.Arrays;

/**
 * Tests of whether two runs differ by more than chance: the two-proportion z-test for rates (two-sided, and one-sided
 * toward a lower rate as gauntlet diff uses it), the Holm–Bonferroni adjustment of a family of p-values, and the
 * Mann-Whitney U test (normal approximation, tie-corrected), which gauntlet diff no longer uses for latencies: with
 * thousands of tasks it finds shifts of the middle too small to matter, and says nothing about the tail
 * ({@link QuantileTest} judges percentiles and the maximum). Thread-safe (stateless).
 */
public final class Significance {

  /** The p-value below which a difference counts as significant: 95% confidence. */
  public static final double ALPHA = 0.05;

  private Significance() {}

  /** p-value of {@code x1/n1} against {@code x2/n2} with the pooled proportion; 1 when either n is 0 or p̂ is 0 or 1. */
  public static double twoProportions(long x1, long n1, long x2, long n2) {
    if (n1 <= 0 || n2 <= 0) {
      return 1;
    }
    double pooled = (double) (x1 + x2) / (n1 + n2);
    double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
    if (se == 0) {
      return 1;
    }
    double z = ((double) x1 / n1 - (double) x2 / n2) / se;
    return 2 * upperTail(Math.abs(z));
  }

  /**
   * One-sided p-value of "the current rate {@code p2} over {@code n2} tasks is no lower than the baseline's {@code p1}
   * over {@code n1}": the pooled two-proportion z statistic (p1 − p2) ÷ √(p̂(1 − p̂)(1/n1 + 1/n2)) against the standard
   * normal. Counts may be fractional (a baseline pooled over several runs counted as one run's worth). 1 when either
   * n is 0, p̂ is 0 or 1, or the current rate is not lower.
   */
  public static double proportionLower(double p1, double n1, double p2, double n2) {
    if (n1 <= 0 || n2 <= 0 || p2 >= p1) {
      return 1;
    }
    double pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
    double se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
    return se == 0 ? 1 : upperTail((p1 - p2) / se);
  }

  /** The U statistic of {@code a}: pairs (x in a, y in b) with x > y, plus half the ties. */
  public static double u(long[] a, long[] b) {
    long[] sortedB = b.clone();
    Arrays.sort(sortedB);
    double u = 0;
    for (long x : a) {
      int below = lowerBound(sortedB, x);
      int atOrBelow = lowerBound(sortedB, x + 1);
      u += below + (atOrBelow - below) / 2.0;
    }
    return u;
  }

  /** p-value of the Mann-Whitney U test of {@code a} against {@code b}; 1 when either is empty or all are tied. */
  public static double mannWhitney(long[] a, long[] b) {
    if (a.length == 0 || b.length == 0) {
      return 1;
    }
    double n1 = a.length;
    double n2 = b.length;
    double n = n1 + n2;
    double variance = n1 * n2 / 12 * ((n + 1) - tieTerm(a, b) / (n * (n - 1)));
    if (variance <= 0) {
      return 1;
    }
    double z = (u(a, b) - n1 * n2 / 2) / Math.sqrt(variance);
    return Math.min(1, 2 * upperTail(Math.abs(z)));
  }

  /** Σ (t³ − t) over groups of tied values. */
  private static double tieTerm(long[] a, long[] b) {
    long[] all = new long[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    Arrays.sort(all);
    double sum = 0;
    for (int i = 0; i < all.length; ) {
      int j = i;
      while (j < all.length && all[j] == all[i]) {
        j++;
      }
      double t = j - i;
      sum += t * t * t - t;
      i = j;
    }
    return sum;
  }

  private static int lowerBound(long[] sorted, long value) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * Holm–Bonferroni adjusted p-values of a family of tests, in the order given: sorted ascending, the i-th smallest
   * (from 0) becomes max over j ≤ i of min(1, (m − j) · p_(j)). A test is significant at family-wise error
   * {@link #ALPHA} when its adjusted p-value is below it, whatever the dependence between the tests.
   */
  public static double[] holm(double[] pValues) {
    int m = pValues.length;
    Integer[] order = new Integer[m];
    for (int i = 0; i < m; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> Double.compare(pValues[x], pValues[y]));
    double[] adjusted = new double[m];
    double running = 0;
    for (int j = 0; j < m; j++) {
      running = Math.max(running, Math.min(1, (m - j) * pValues[order[j]]));
      adjusted[order[j]] = running;
    }
    return adjusted;
  }

  /** P(Z > z) of the standard normal. */
  static double upperTail(double z) {
    return 0.5 * erfc(z / Math.sqrt(2));
  }

  /** Complementary error function with fractional error below 1.2e-7 everywhere (Numerical Recipes, erfcc). */
  static double erfc(double x) {
    double z = Math.abs(x);
    double t = 1 / (1 + 0.5 * z);
    double r =
        t
            * Math.exp(
                -z * z
                    - 1.26551223
                    + t
                        * (1.00002368
                            + t
                                * (0.37409196
                                    + t
                                        * (0.09678418
                                            + t
                                                * (-0.18628806
                                                    + t
                                                        * (0.27886807
                                                            + t
                                                                * (-1.13520398
                                                                    + t
                                                                        * (1.48851587
                                                                            + t
                                                                                * (-0.82215223
                                                                                    + t
                                                                                        * 0.17087277)))))))));
    return x >= 0 ? r : 2 - r;
  }
}
