package dev.gauntlet.reports.internal.detail;

import dev.gauntlet.reports.metrics.Percentiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects tasks and ledger spend per second of wall-clock time, then merges seconds into at most
 * {@link #MAX_POINTS} buckets, so that a long game day still charts as a few hundred points. Memory: a few
 * counters per second plus four bytes per successful task. Not thread-safe.
 */
final class SeriesPass {

  static final int MAX_POINTS = 240;

  private final TreeMap<Long, SecondTally> seconds = new TreeMap<>();

  void task(long endMs, boolean succeeded, long latencyMs, Boolean correct) {
    second(endMs).add(succeeded, latencyMs, correct);
  }

  void cost(long tsMs, double usd) {
    second(tsMs).costUsd += usd;
  }

  /** The series; {@code startedMs} (0 when unknown) anchors offset 0. */
  TimeSeries build(long startedMs) {
    if (seconds.isEmpty()) {
      return new TimeSeries(startedMs, 1000, List.of());
    }
    long first = seconds.firstKey();
    long origin = startedMs > 0 ? startedMs : first * 1000;
    long span = seconds.lastKey() - first + 1;
    int width = (int) Math.max(1, (span + MAX_POINTS - 1) / MAX_POINTS);
    List<TimeSeries.Point> points = new ArrayList<>();
    for (long from = first; from <= seconds.lastKey(); from += width) {
      SecondTally bucket = new SecondTally();
      for (Map.Entry<Long, SecondTally> s : seconds.subMap(from, from + width).entrySet()) {
        bucket.merge(s.getValue());
      }
      points.add(point(bucket, ((from + width) * 1000 - origin) / 1000.0, width));
    }
    return new TimeSeries(origin, width * 1000L, points);
  }

  private static TimeSeries.Point point(SecondTally b, double endS, int widthS) {
    Double p95 = null;
    if (b.successes > 0) {
      int[] sorted = Arrays.copyOf(b.latencies, b.successes);
      Arrays.sort(sorted);
      p95 = sorted[Percentiles.rank(95, sorted.length) - 1] / 1000.0;
    }
    return new TimeSeries.Point(
        endS,
        (double) b.tasks / widthS,
        b.tasks == 0 ? null : (double) b.successes / b.tasks,
        p95,
        b.scored == 0 ? null : (double) b.correct / b.scored,
        b.costUsd * 60.0 / widthS);
  }

  private SecondTally second(long epochMs) {
    return seconds.computeIfAbsent(Math.floorDiv(epochMs, 1000), k -> new SecondTally());
  }
}
