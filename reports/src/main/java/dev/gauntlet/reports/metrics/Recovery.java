package dev.gauntlet.reports.metrics;

import java.util.List;

/**
 * Recovery time of one fault window: from the window's end until the rolling success rate and p95 latency are back
 * within bounds and stay there. Only steps after the window's end whose newest bucket starts at or before the
 * horizon count; empty steps are never breaches. Thread-safe (stateless).
 *
 * <p>This was recovery_time's definition until it was found to measure the rolling window draining the failures from
 * before the fault's end rather than the agent; the evaluator now uses {@link StartRecovery} on tasks by their start
 * time, and uses only {@link Bounds} from here (the SLO bounds a health bar starts from).
 */
public final class Recovery {

  private Recovery() {}

  /**
   * The bounds a rolling point must be within to count as healthy.
   *
   * @param minSuccessRate   lowest healthy rolling success rate
   * @param maxP95Seconds    highest healthy rolling p95 latency, or null to ignore latency
   */
  public record Bounds(double minSuccessRate, Double maxP95Seconds) {

    /** Whether {@code point} is within bounds; an empty point always is. */
    public boolean healthy(RollingPoint point) {
      if (point.isEmpty()) {
        return true;
      }
      boolean fastEnough = maxP95Seconds == null || point.p95Ms() < 0 || point.p95Ms() / 1000.0 <= maxP95Seconds;
      return point.successRate() >= minSuccessRate && fastEnough;
    }
  }

  /**
   * Measures recovery after a window ending at {@code windowEndMs}.
   *
   * @param points    rolling points in time order, one per step of {@code bucketMs}
   * @param horizonMs last instant observed (inclusive): the data's end, or just before the next fault window
   */
  public static RecoveryResult measure(
      List<RollingPoint> points, long bucketMs, Bounds bounds, long windowEndMs, long horizonMs) {
    RollingPoint lastSeen = null;
    RollingPoint lastBreach = null;
    for (RollingPoint point : points) {
      if (point.timeMs() > windowEndMs && point.timeMs() - bucketMs <= horizonMs) {
        lastSeen = point;
        lastBreach = bounds.healthy(point) ? lastBreach : point;
      }
    }
    if (lastSeen == null) {
      return RecoveryResult.noData();
    }
    if (lastBreach == null) {
      return RecoveryResult.recovered(0);
    }
    if (lastBreach == lastSeen) {
      return RecoveryResult.notRecovered((horizonMs - windowEndMs) / 1000.0);
    }
    return RecoveryResult.recovered((lastBreach.timeMs() + bucketMs - windowEndMs) / 1000.0);
  }
}
