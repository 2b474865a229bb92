package dev.gauntlet.reports.internal.detail;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Collects latencies into two HdrHistograms (outside and during faults) and bins them at the end: about
 * {@link #BINS} bins of a round width up to the p99 of all tasks, the last bin holding the tail. Not thread-safe.
 */
final class BinsPass {

  static final int BINS = 30;
  private static final long[] STEPS = {1, 2, 5};

  private final Histogram outside = new Histogram(3);
  private final Histogram during = new Histogram(3);

  void add(long latencyMs, boolean duringFault) {
    (duringFault ? during : outside).recordValue(Math.max(0, latencyMs));
  }

  LatencyBins build() {
    Histogram all = outside.copy();
    all.add(during);
    long width =
        all.getTotalCount() == 0
            ? 1
            : roundWidth(Math.max(1, all.getValueAtPercentile(99)) / (double) BINS);
    int bins =
        all.getTotalCount() == 0
            ? 0
            : (int) Math.min(BINS + 1, all.getValueAtPercentile(99) / width + 1);
    return new LatencyBins(width, counts(outside, width, bins), counts(during, width, bins));
  }

  /** The smallest 1, 2 or 5 times a power of ten that is at least {@code raw}. */
  static long roundWidth(double raw) {
    for (long scale = 1; ; scale *= 10) {
      for (long step : STEPS) {
        if (step * scale >= raw) {
          return step * scale;
        }
      }
    }
  }

  private static List<Long> counts(Histogram histogram, long width, int bins) {
    long[] counts = new long[bins];
    for (HistogramIterationValue v : histogram.recordedValues()) {
      int bin =
          (int) Math.min(bins - 1, histogram.lowestEquivalentValue(v.getValueIteratedTo()) / width);
      counts[bin] += v.getCountAtValueIteratedTo();
    }
    List<Long> list = new ArrayList<>(bins);
    for (long c : counts) {
      list.add(c);
    }
    return list;
  }
}
