package dev.gauntlet.reports.metrics;

import java.util.Arrays;

/**
 * Exact percentiles by the same rank rule HdrHistogram uses, so that an exact rolling p95 and a histogram p95 of the
 * same values agree up to the histogram's precision. Thread-safe (stateless).
 */
public final class Percentiles {

  private Percentiles() {}

  /**
   * The 1-based rank of the value at {@code percentile} among {@code count} sorted values: nearest rank,
   * {@code percentile * count / 100} rounded up, at least 1, computed as HdrHistogram 2.2 does (one ulp below the
   * percentile, so that round-off never overshoots into the next rank).
   */
  public static int rank(double percentile, int count) {
    if (percentile < 0 || percentile > 100) {
      throw new IllegalArgumentException("percentile must be in [0, 100], but was " + percentile);
    }
    double requested = Math.max(Math.nextAfter(percentile, Double.NEGATIVE_INFINITY), 0.0);
    long rank = (long) Math.ceil(requested * count / 100.0);
    return (int) Math.max(1, Math.min(rank, count));
  }

  /** The value at {@code percentile} of {@code values} (left unchanged); {@code values} must not be empty. */
  public static long of(double percentile, long[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("values must not be empty, but was empty");
    }
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[rank(percentile, sorted.length) - 1];
  }
}
