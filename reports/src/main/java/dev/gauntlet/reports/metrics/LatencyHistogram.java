package dev.gauntlet.reports.metrics;

import org.HdrHistogram.Histogram;

/**
 * Latencies in milliseconds, kept in an HdrHistogram with three significant digits, plus the exact maximum. Not
 * thread-safe: fill it from one thread.
 */
public final class LatencyHistogram {

  /** Significant digits of the histograms that whole-run and per-window metrics use. */
  public static final int PRECISE = 3;

  private final Histogram histogram;
  private long max;

  /** A histogram with three significant digits (0.1%). */
  public LatencyHistogram() {
    this(PRECISE);
  }

  /**
   * A histogram with {@code digits} significant digits; two (1%) keep a time bucket's histogram about ten times
   * smaller (a few KB) than three.
   */
  public LatencyHistogram(int digits) {
    histogram = new Histogram(digits);
  }

  /** Records one latency; negative values (clock skew) count as 0. */
  public void record(long latencyMs) {
    long value = Math.max(0, latencyMs);
    histogram.recordValue(value);
    max = Math.max(max, value);
  }

  /** Adds every latency of {@code other} to this one (exact, up to this histogram's precision). */
  public void add(LatencyHistogram other) {
    histogram.add(other.histogram);
    max = Math.max(max, other.max);
  }

  /** How many latencies were recorded. */
  public long count() {
    return histogram.getTotalCount();
  }

  /** The latency at {@code percentile} (0–100), within the histogram's precision; 0 when empty. */
  public long percentileMs(double percentile) {
    return histogram.getValueAtPercentile(percentile);
  }

  /** About how many bytes the histogram holds now (it grows with the largest value recorded). */
  public long footprintBytes() {
    return histogram.getEstimatedFootprintInBytes();
  }

  /** The largest latency recorded, exactly; 0 when empty. */
  public long maxMs() {
    return max;
  }
}
