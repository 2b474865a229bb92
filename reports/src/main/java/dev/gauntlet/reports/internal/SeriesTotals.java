package dev.gauntlet.reports.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The totals of each time bucket of a run: tasks by the time they started, ledger entries by the time they were
 * written. Buckets are {@link #MIN_WIDTH} wide or the evaluation's bucket, whichever is wider, counted from an
 * origin; latencies keep two significant digits, 5 KB to 20 KB a bucket. Memory stays bounded however long the run:
 * when the buckets would span more than {@link #MAX_BUCKETS}, neighbours merge and the width doubles. Not
 * thread-safe.
 */
public final class SeriesTotals {

  /** The narrowest bucket: a finer series would cost memory and say little that recovery does not. */
  public static final Duration MIN_WIDTH = Duration.ofSeconds(10);

  /** Most buckets a series spans (under 20 MB); a run longer than this many buckets doubles the width. */
  public static final int MAX_BUCKETS = 1_000;

  static final int DIGITS = 2;

  private final long originMs;
  private long widthMs;
  private Map<Long, ScopeTotals> buckets = new HashMap<>();
  private long first = Long.MAX_VALUE;
  private long last = Long.MIN_VALUE;
  private long recentIndex = Long.MIN_VALUE;
  private ScopeTotals recent;

  /** Buckets counted from {@code originMs}, as wide as {@code bucket} or {@link #MIN_WIDTH}, whichever is wider. */
  SeriesTotals(long originMs, Duration bucket) {
    this.originMs = originMs;
    this.widthMs = Math.max(MIN_WIDTH.toMillis(), bucket.toMillis());
  }

  /** The totals of the bucket holding {@code tsMs}, created on first use. */
  ScopeTotals at(long tsMs) {
    long index = Math.floorDiv(tsMs - originMs, widthMs);
    if (index
        == recentIndex) { // records arrive roughly in time order: most find the bucket of the one
      // before
      return recent;
    }
    ScopeTotals totals = buckets.get(index);
    if (totals != null) {
      recentIndex = index;
      recent = totals;
      return totals;
    }
    totals = new ScopeTotals(DIGITS);
    buckets.put(index, totals);
    first = Math.min(first, index);
    last = Math.max(last, index);
    if (last - first < MAX_BUCKETS) {
      return totals;
    }
    while (last - first >= MAX_BUCKETS) {
      coarsen();
    }
    return buckets.get(Math.floorDiv(tsMs - originMs, widthMs));
  }

  /** The current bucket width. */
  public long widthMs() {
    return widthMs;
  }

  /**
   * Every bucket from the first to the last that holds anything, empty ones included, in time order; each with its
   * duration clipped to {@code [runStartMs, runEndMs)} where those are known (above 0).
   */
  public List<Bucket> buckets(long runStartMs, long runEndMs) {
    List<Bucket> list = new ArrayList<>();
    for (long i = first; i <= last && first != Long.MAX_VALUE; i++) {
      long start = originMs + i * widthMs;
      ScopeTotals totals = buckets.getOrDefault(i, new ScopeTotals(DIGITS));
      long from = runStartMs > 0 ? Math.max(start, runStartMs) : start;
      long to = runEndMs > 0 ? Math.min(start + widthMs, runEndMs) : start + widthMs;
      totals.durationMs(to > from ? to - from : -1);
      list.add(new Bucket(start, start + widthMs, totals));
    }
    return list;
  }

  /** Halves the number of buckets: bucket i joins i / 2 (rounded down), which is exact because the origin stays. */
  private void coarsen() {
    Map<Long, ScopeTotals> merged = new HashMap<>();
    buckets.forEach(
        (index, totals) ->
            merged.merge(
                Math.floorDiv(index, 2),
                totals,
                (a, b) -> {
                  a.add(b);
                  return a;
                }));
    buckets = merged;
    recentIndex = Long.MIN_VALUE;
    recent = null;
    widthMs *= 2;
    first = Math.floorDiv(first, 2);
    last = Math.floorDiv(last, 2);
  }

  /**
   * One bucket.
   *
   * @param startMs epoch milliseconds it starts at (inclusive)
   * @param endMs   epoch milliseconds it ends at (exclusive)
   * @param totals  its tasks and ledger entries
   */
  public record Bucket(long startMs, long endMs, ScopeTotals totals) {}
}
