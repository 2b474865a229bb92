package dev.gauntlet.reports.metrics;

import org.HdrHistogram.Histogram;

/**
 * Latencies in milliseconds, kept in an HdrHistogram with three significant digits, plus the exact maximum. Not
 * thread-safe: fill it from one thread.
 */
public final class LatencyHistogram {

  private final Histogram histogram = new Histogram(3);
  private long max;

  /** Records one latency; negative values (clock skew) count as 0. */
  public void record(long latencyMs) {
    long value = Math.max(0, latencyMs);
    histogram.recordValue(value);
    max = Math.max(max, value);
  }

  /** How many latencies were recorded. */
  public long count() {
    return histogram.getTotalCount();
  }

  /** The latency at {@code percentile} (0–100), within the histogram's precision; 0 when empty. */
  public long percentileMs(double percentile) {
    return histogram.getValueAtPercentile(percentile);
  }

  /** The largest latency recorded, exactly; 0 when empty. */
  public long maxMs() {
    return max;
  }
}
