package dev.gauntlet.reports.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The bucketed rolling window and recovery against a brute force that rescans every task at every step. */
class RecoveryPropertyTest {

  record Task(long endMs, boolean succeeded, long latencyMs) {}

  @Provide
  Arbitrary<List<Task>> tasks() {
    Arbitrary<Task> task = Combinators.combine(
        Arbitraries.longs().between(1_000_000, 1_060_000),
        Arbitraries.integers().between(0, 9).map(i -> i < 7),
        Arbitraries.longs().between(0, 4_000)).as(Task::new);
    return task.list().ofMinSize(1).ofMaxSize(150);
  }

  @Property
  void rollingPointsMatchARescanOfEveryTask(
      @ForAll("tasks") List<Task> tasks, @ForAll @IntRange(min = 1, max = 8) int bucketTenths,
      @ForAll @IntRange(min = 1, max = 60) int rollingTenths, @ForAll @LongRange(min = 990_000, max = 1_000_500) long origin) {
    long bucket = bucketTenths * 250L;
    long rolling = rollingTenths * 100L;
    RollingWindow window = filled(tasks, origin, bucket, rolling);

    List<RollingPoint> points = window.points();

    assertThat(points).isNotEmpty().isEqualTo(bruteForcePoints(tasks, origin, bucket, rolling));
  }

  @Property
  void recoveryMatchesAForwardScanForTheFirstStepAfterWhichAllIsHealthy(
      @ForAll("tasks") List<Task> tasks, @ForAll @IntRange(min = 1, max = 8) int bucketTenths,
      @ForAll @IntRange(min = 1, max = 60) int rollingTenths,
      @ForAll @DoubleRange(min = 0, max = 1) double minSuccessRate,
      @ForAll @LongRange(min = 0, max = 5_000) long maxP95Ms, @ForAll boolean withLatency,
      @ForAll @LongRange(min = 995_000, max = 1_065_000) long windowEnd,
      @ForAll @LongRange(min = 0, max = 70_000) long horizonAfterEnd) {
    long origin = 1_000_000;
    long bucket = bucketTenths * 250L;
    long rolling = rollingTenths * 100L;
    Recovery.Bounds bounds = new Recovery.Bounds(minSuccessRate, withLatency ? maxP95Ms / 1000.0 : null);
    long dataEnd = tasks.stream().mapToLong(Task::endMs).max().orElseThrow();
    long horizon = Math.min(dataEnd, windowEnd + horizonAfterEnd);
    List<RollingPoint> points = filled(tasks, origin, bucket, rolling).points();

    RecoveryResult result = Recovery.measure(points, bucket, bounds, windowEnd, horizon);

    assertThat(result).isEqualTo(bruteForceRecovery(
        bruteForcePoints(tasks, origin, bucket, rolling), bucket, bounds, windowEnd, horizon));
  }

  private static RollingWindow filled(List<Task> tasks, long origin, long bucket, long rolling) {
    RollingWindow window = new RollingWindow(origin, Duration.ofMillis(bucket), Duration.ofMillis(rolling));
    tasks.forEach(t -> window.add(t.endMs(), t.succeeded(), t.latencyMs()));
    return window;
  }

  private static List<RollingPoint> bruteForcePoints(List<Task> tasks, long origin, long bucket, long rolling) {
    long span = ((rolling + bucket - 1) / bucket) * bucket;
    long first = tasks.stream().mapToLong(t -> Math.floorDiv(t.endMs() - origin, bucket)).min().orElseThrow();
    long last = tasks.stream().mapToLong(t -> Math.floorDiv(t.endMs() - origin, bucket)).max().orElseThrow();
    List<RollingPoint> points = new ArrayList<>();
    for (long step = first + 1; step <= last + 1; step++) {
      long time = origin + step * bucket;
      List<Task> inside = tasks.stream().filter(t -> t.endMs() >= time - span && t.endMs() < time).toList();
      long[] latencies = inside.stream().filter(Task::succeeded).mapToLong(Task::latencyMs).toArray();
      points.add(new RollingPoint(time, inside.size(), latencies.length,
          latencies.length == 0 ? -1 : Percentiles.of(95, latencies)));
    }
    return points;
  }

  private static RecoveryResult bruteForceRecovery(
      List<RollingPoint> points, long bucket, Recovery.Bounds bounds, long windowEnd, long horizon) {
    List<RollingPoint> watched = points.stream()
        .filter(p -> p.timeMs() > windowEnd && p.timeMs() - bucket <= horizon).toList();
    if (watched.isEmpty()) {
      return RecoveryResult.noData();
    }
    for (int from = 0; from < watched.size(); from++) {
      if (watched.subList(from, watched.size()).stream().allMatch(p -> healthy(p, bounds))) {
        return RecoveryResult.recovered(from == 0 ? 0 : (watched.get(from).timeMs() - windowEnd) / 1000.0);
      }
    }
    return RecoveryResult.notRecovered((horizon - windowEnd) / 1000.0);
  }

  private static boolean healthy(RollingPoint p, Recovery.Bounds bounds) {
    if (p.tasks() == 0) {
      return true;
    }
    boolean rateOk = (double) p.successes() / p.tasks() >= bounds.minSuccessRate();
    boolean latencyOk = bounds.maxP95Seconds() == null || p.successes() == 0
        || p.p95Ms() <= bounds.maxP95Seconds() * 1000;
    return rateOk && latencyOk;
  }
}
