package dev.gauntlet.reports.metrics;

import java.util.Arrays;
import java.util.List;

/**
 * How the target behaved before a fault window: the tasks that started in the {@link #LOOKBACK_MS} before it (not
 * before the first task, nor before the end of an earlier window, nor inside any window) and finished before it started, so that none of them met
 * the fault. It sets the bar a bucket of tasks is held to around the window ({@link #rule}). Immutable and
 * thread-safe.
 *
 * @param spanMs    how long the span it was measured over is
 * @param started   tasks started in the span, whenever they finished
 * @param tasks     of those, the ones that finished before the window started
 * @param failures  of those, how many failed
 * @param p95Ms     p95 latency of the successful ones (nearest rank), -1 when none succeeded
 * @param latencies the successful ones' latencies, sorted, to count the slow ones against a bound
 */
public record SteadyState(
    long spanMs, int started, int tasks, int failures, long p95Ms, long[] latencies) {

  /** How far before a window the steady state is looked for. */
  public static final long LOOKBACK_MS = 30_000;

  /** A task may take this many times the steady p95 and still be good. */
  public static final double LATENCY_FACTOR = 2.0;

  /** ... and at least this long, so that a busy machine's scheduling noise is not read as a slow agent. */
  public static final long LATENCY_FLOOR_MS = 250;

  /** The least bad share a healthy bucket may show: the slowest 5% are above a p95 by definition. */
  public static final double MIN_BAD_SHARE = 0.05;

  /** The most: an agent that failed this much before the fault leaves nothing to recover to. */
  public static final double MAX_BAD_SHARE = 0.9;

  /** The steady state before {@code window}, one of {@code windows}. */
  public static SteadyState before(
      TaskStarts starts, List<FaultWindow> windows, FaultWindow window) {
    // Not before the first task started either: the span's length gives the rate the resolution is
    // chosen by.
    long from = Math.max(window.startMs() - LOOKBACK_MS, firstStart(starts));
    for (FaultWindow other : windows) {
      if (other.endMs() <= window.startMs()) {
        from = Math.max(from, other.endMs());
      }
    }
    int started = 0;
    int tasks = 0;
    int failures = 0;
    long[] latencies = new long[16];
    int successes = 0;
    for (int i = 0; i < starts.size(); i++) {
      long start = starts.startMs(i);
      if (start < from || start >= window.startMs() || FaultWindows.anyContains(windows, start)) {
        continue;
      }
      started++;
      if (starts.endMs(i) >= window.startMs()) {
        continue;
      }
      tasks++;
      if (!starts.succeeded(i)) {
        failures++;
      } else {
        latencies =
            successes == latencies.length ? Arrays.copyOf(latencies, successes * 2) : latencies;
        latencies[successes++] = starts.latencyMs(i);
      }
    }
    long[] sorted = Arrays.copyOf(latencies, successes);
    Arrays.sort(sorted);
    long p95 = successes == 0 ? -1 : sorted[Percentiles.rank(95, successes) - 1];
    return new SteadyState(
        Math.max(0, window.startMs() - from), started, tasks, failures, p95, sorted);
  }

  private static long firstStart(TaskStarts starts) {
    long first = Long.MAX_VALUE;
    for (int i = 0; i < starts.size(); i++) {
      first = Math.min(first, starts.startMs(i));
    }
    return first;
  }

  /** Tasks started per second over the span; 0 when the span is empty. */
  public double startsPerSecond() {
    return spanMs <= 0 ? 0 : started * 1000.0 / spanMs;
  }

  /**
   * The bar a bucket is held to: a task is bad when it failed or took longer than the looser of the SLO's p95
   * bound and {@link #LATENCY_FACTOR} times the steady p95 (at least {@link #LATENCY_FLOOR_MS}); a bucket may show
   * the larger of the steady bad share (its Wilson 95% upper bound, for the steady state's own sampling noise), the
   * share the success_rate SLO allows, and {@link #MIN_BAD_SHARE}.
   */
  public HealthRule rule(Recovery.Bounds slo) {
    Long bound = slo.maxP95Seconds() == null ? null : Math.round(slo.maxP95Seconds() * 1000);
    if (p95Ms >= 0) {
      long steady = Math.max(Math.round(p95Ms * LATENCY_FACTOR), LATENCY_FLOOR_MS);
      bound = bound == null ? steady : Math.max(bound, steady);
    }
    double share = Math.max(MIN_BAD_SHARE, 1 - slo.minSuccessRate());
    if (tasks > 0) {
      share = Math.max(share, Wilson.of95(bad(bound), tasks).high());
    }
    // Rounded to a millionth, so that 1 - 0.95 reads 0.05 in verdict.json.
    return new HealthRule(bound, Math.round(Math.min(MAX_BAD_SHARE, share) * 1e6) / 1e6);
  }

  private long bad(Long bound) {
    long slow = bound == null ? 0 : Arrays.stream(latencies).filter(l -> l > bound).count();
    return failures + slow;
  }
}
