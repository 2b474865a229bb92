package dev.gauntlet.reports.metrics;

import java.util.function.IntPredicate;

/**
 * Recovery measured on the tasks that <em>started</em> in a span, put in buckets of a stated resolution by their
 * start: the time from the span's start until the start of the first bucket from which every bucket up to the span's
 * end is healthy ({@link HealthRule}). Used after a window (recovery time: from its end, tasks started after it) and
 * during one (failover time: from its start, tasks started while it was on). The buckets are judged together: each at
 * {@link #FAMILY_ALPHA} divided by the number of buckets that held a task (Bonferroni), so an agent whose bad share is
 * within the rule's shows a false unhealthy bucket in at most 1% of spans however long they are. A bucket most of
 * whose tasks were bad is unhealthy too, even with too few tasks for the test (two of two failed at five tasks a
 * second): otherwise a stuck agent's sparse bucket would read as recovered. Thread-safe
 * (stateless).
 */
public final class StartRecovery {

  /** The chance a healthy span shows at least one unhealthy bucket. */
  public static final double FAMILY_ALPHA = 0.01;

  /** The finest to the coarsest resolution; the finest that expects enough tasks per bucket is used. */
  static final long[] RESOLUTIONS_MS = {250, 500, 1_000, 2_000, 5_000, 10_000};

  /** Tasks a bucket should expect at the steady rate: fewer could not tell a stuck agent from noise. */
  public static final double TASKS_PER_BUCKET = 8;

  /** The resolution without a rate to go by. */
  public static final long DEFAULT_RESOLUTION_MS = 1_000;

  private StartRecovery() {}

  /** The finest resolution at which a bucket expects {@link #TASKS_PER_BUCKET} tasks at {@code startsPerSecond}. */
  public static long resolutionMs(double startsPerSecond) {
    if (!(startsPerSecond > 0)) {
      return DEFAULT_RESOLUTION_MS;
    }
    for (long resolution : RESOLUTIONS_MS) {
      if (startsPerSecond * resolution / 1000.0 >= TASKS_PER_BUCKET) {
        return resolution;
      }
    }
    return RESOLUTIONS_MS[RESOLUTIONS_MS.length - 1];
  }

  /**
   * Measures the span {@code [fromMs, toMs)}: the tasks that started in it and that {@code counts} keeps, in buckets
   * of {@code resolutionMs} from {@code fromMs}. {@link RecoveryResult.State#NO_DATA} when no task counts;
   * {@link RecoveryResult.State#NOT_RECOVERED}, with the span's length, when the last bucket that held a task is
   * unhealthy; otherwise recovered at the start of the bucket after the last unhealthy one (0 when none was).
   */
  public static RecoveryResult measure(
      TaskStarts tasks,
      IntPredicate counts,
      HealthRule rule,
      long resolutionMs,
      long fromMs,
      long toMs) {
    if (toMs <= fromMs) {
      return RecoveryResult.noData();
    }
    int buckets =
        (int) Math.min(Integer.MAX_VALUE - 8, (toMs - fromMs + resolutionMs - 1) / resolutionMs);
    int[] all = new int[buckets];
    int[] bad = new int[buckets];
    for (int i = 0; i < tasks.size(); i++) {
      long start = tasks.startMs(i);
      if (start >= fromMs && start < toMs && counts.test(i)) {
        int k = (int) ((start - fromMs) / resolutionMs);
        all[k]++;
        bad[k] += rule.bad(tasks.succeeded(i), tasks.latencyMs(i)) ? 1 : 0;
      }
    }
    return judge(all, bad, rule, resolutionMs, toMs - fromMs);
  }

  private static RecoveryResult judge(
      int[] all, int[] bad, HealthRule rule, long resolutionMs, long spanMs) {
    int held = 0;
    for (int n : all) {
      held += n > 0 ? 1 : 0;
    }
    if (held == 0) {
      return RecoveryResult.noData();
    }
    double alpha = FAMILY_ALPHA / held;
    int lastSeen = -1;
    int lastUnhealthy = -1;
    for (int k = 0; k < all.length; k++) {
      lastSeen = all[k] > 0 ? k : lastSeen;
      // A bucket most of whose tasks were bad is not healthy, even when too few to be significant.
      boolean unhealthy = rule.unhealthy(all[k], bad[k], alpha) || 2 * bad[k] > all[k];
      lastUnhealthy = unhealthy ? k : lastUnhealthy;
    }
    if (lastUnhealthy < 0) {
      return RecoveryResult.recovered(0);
    }
    if (lastUnhealthy == lastSeen) {
      return RecoveryResult.notRecovered(spanMs / 1000.0);
    }
    return RecoveryResult.recovered((lastUnhealthy + 1) * resolutionMs / 1000.0);
  }
}
