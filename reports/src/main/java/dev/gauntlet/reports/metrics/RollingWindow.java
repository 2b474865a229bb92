package dev.gauntlet.reports.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rolling success rate and p95 latency over time, from per-bucket aggregates rather than stored records. Tasks go
 * into the bucket of their end time, counted from {@code originMs}; the step at {@code originMs + k * bucket} looks
 * at the {@code ceil(rolling / bucket)} buckets before it. Steps run from the first bucket with data to the last.
 * Memory: a few counters per bucket plus four bytes per successful task. Not thread-safe.
 */
public final class RollingWindow {

  private final long originMs;
  private final long bucketMs;
  private final int width;
  private final TreeMap<Long, Bucket> buckets = new TreeMap<>();

  /** A rolling window of span {@code rolling}, stepped every {@code bucket}; both must be positive. */
  public RollingWindow(long originMs, Duration bucket, Duration rolling) {
    if (bucket.toMillis() <= 0 || rolling.toMillis() <= 0) {
      throw new IllegalArgumentException("bucket and rolling window must be positive, but were " + bucket + " and "
          + rolling);
    }
    this.originMs = originMs;
    this.bucketMs = bucket.toMillis();
    this.width = (int) Math.max(1, (rolling.toMillis() + bucketMs - 1) / bucketMs);
  }

  /** Adds one task that finished at {@code endMs}. */
  public void add(long endMs, boolean succeeded, long latencyMs) {
    long index = Math.floorDiv(endMs - originMs, bucketMs);
    buckets.computeIfAbsent(index, i -> new Bucket()).add(succeeded, latencyMs);
  }

  /** Step width in milliseconds. */
  public long bucketMs() {
    return bucketMs;
  }

  /** One point per step, in time order; empty when no task was added. */
  public List<RollingPoint> points() {
    List<RollingPoint> points = new ArrayList<>();
    if (buckets.isEmpty()) {
      return points;
    }
    for (long step = buckets.firstKey() + 1; step <= buckets.lastKey() + 1; step++) {
      points.add(point(step));
    }
    return points;
  }

  private RollingPoint point(long step) {
    int tasks = 0;
    int successes = 0;
    int[] latencies = new int[0];
    int filled = 0;
    for (Map.Entry<Long, Bucket> entry : buckets.subMap(step - width, step).entrySet()) {
      Bucket bucket = entry.getValue();
      tasks += bucket.tasks;
      successes += bucket.successes;
      latencies = Arrays.copyOf(latencies, filled + bucket.successes);
      System.arraycopy(bucket.latencies, 0, latencies, filled, bucket.successes);
      filled += bucket.successes;
    }
    return new RollingPoint(originMs + step * bucketMs, tasks, successes, p95(latencies));
  }

  private static long p95(int[] latencies) {
    if (latencies.length == 0) {
      return -1;
    }
    Arrays.sort(latencies);
    return latencies[Percentiles.rank(95, latencies.length) - 1];
  }

  private static final class Bucket {
    int tasks;
    int successes;
    int[] latencies = new int[4];

    void add(boolean succeeded, long latencyMs) {
      tasks++;
      if (succeeded) {
        if (successes == latencies.length) {
          latencies = Arrays.copyOf(latencies, successes * 2);
        }
        latencies[successes++] = (int) Math.min(Integer.MAX_VALUE, Math.max(0, latencyMs));
      }
    }
  }
}
