package dev.gauntlet.reports.internal.detail;

import java.util.List;

/**
 * A run over time, in buckets of equal width by the time each task finished (the same clock recovery watches).
 * Immutable and thread-safe.
 *
 * @param originMs epoch milliseconds that offset 0 stands for: the workload's start, else the first bucket's
 * @param bucketMs bucket width
 * @param points   one point per bucket, in time order, empty buckets included
 */
public record TimeSeries(long originMs, long bucketMs, List<Point> points) {

  public TimeSeries {
    points = List.copyOf(points);
  }

  /**
   * One bucket.
   *
   * @param endS          end of the bucket, seconds after the origin
   * @param throughput    tasks finished per second
   * @param successRate   share of those that succeeded; null without tasks
   * @param p95Seconds    p95 latency of the successful ones; null without any
   * @param accuracy      share of the scored ones that were right; null when none was scored
   * @param costPerMinute ledger spend in the bucket, USD per minute
   */
  public record Point(
      double endS,
      double throughput,
      Double successRate,
      Double p95Seconds,
      Double accuracy,
      double costPerMinute) {}
}
