package dev.gauntlet.reports.internal.detail;

import java.util.List;

/**
 * A latency histogram of successful tasks, split by whether the task started inside a fault window. Bins are of
 * equal width from 0; the last one also counts everything slower. Immutable and thread-safe.
 *
 * @param widthMs bin width in milliseconds
 * @param outside per bin, tasks started outside every fault window
 * @param during  per bin, tasks started inside one
 */
public record LatencyBins(long widthMs, List<Long> outside, List<Long> during) {

  public LatencyBins {
    outside = List.copyOf(outside);
    during = List.copyOf(during);
  }

  /** How many bins there are. */
  public int size() {
    return outside.size();
  }
}
