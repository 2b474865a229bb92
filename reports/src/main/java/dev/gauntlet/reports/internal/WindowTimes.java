package dev.gauntlet.reports.internal;

import dev.gauntlet.reports.FaultWindowResult;
import dev.gauntlet.reports.metrics.FaultWindow;
import dev.gauntlet.reports.metrics.HealthRule;
import dev.gauntlet.reports.metrics.Recovery;
import dev.gauntlet.reports.metrics.RecoveryResult;
import dev.gauntlet.reports.metrics.StartRecovery;
import dev.gauntlet.reports.metrics.SteadyState;
import dev.gauntlet.reports.metrics.TaskStarts;
import java.util.List;

/**
 * Recovery, failover and detection of one fault window, from the tasks by the time they started (docs/metrics.md,
 * "Recovery time"). Recovery is watched from the window's end until the data ends or the next window (one starting at
 * or after this one's end) starts, whichever is first; a task that finished after the next window started met that
 * fault and does not count. Thread-safe (stateless).
 *
 * @param recovery from the window's end until the tasks started after it are healthy
 * @param timing   failover, detection and the bar they were held to
 */
record WindowTimes(RecoveryResult recovery, FaultWindowResult.Timing timing) {

  /** Runs this many tasks, or more, in the steady state give the rate the resolution is chosen by. */
  static final int MIN_STEADY_TASKS = 20;

  /** The times of window {@code index} of {@code data}, against the SLO bounds {@code slo}. */
  static WindowTimes of(RunData data, Recovery.Bounds slo, int index) {
    TaskStarts tasks = data.starts();
    FaultWindow window = data.windows().get(index);
    if (!data.hasTasks() || tasks.size() == 0) {
      return new WindowTimes(RecoveryResult.noData(), FaultWindowResult.Timing.UNMEASURED);
    }
    SteadyState steady = SteadyState.before(tasks, data.windows(), window);
    HealthRule rule = steady.rule(slo);
    long resolution =
        StartRecovery.resolutionMs(
            steady.started() >= MIN_STEADY_TASKS ? steady.startsPerSecond() : wholeRate(tasks));
    long next = nextStart(data.windows(), window);
    long horizon = Math.min(next, data.dataEndMs());
    RecoveryResult recovery =
        StartRecovery.measure(
            tasks, i -> tasks.endMs(i) < next, rule, resolution, window.endMs(), horizon);
    RecoveryResult failover =
        StartRecovery.measure(
            tasks,
            i -> !tasks.succeeded(i) || tasks.endMs(i) <= window.endMs(),
            rule,
            resolution,
            window.startMs(),
            window.endMs());
    RecoveryResult detection = detection(tasks, window, data.switches().firstSwitchMs(index));
    return new WindowTimes(
        recovery,
        new FaultWindowResult.Timing(
            failover,
            detection,
            resolution / 1000.0,
            rule.latencyBoundMs() == null ? null : rule.latencyBoundMs() / 1000.0,
            rule.maxBadShare()));
  }

  /** The first failed task's end or the first switch of provider while the window was on, from its start. */
  private static RecoveryResult detection(
      TaskStarts tasks, FaultWindow window, long firstSwitchMs) {
    long first = firstSwitchMs;
    boolean ran = false;
    for (int i = 0; i < tasks.size(); i++) {
      long end = tasks.endMs(i);
      ran |= window.contains(tasks.startMs(i)) || window.contains(end);
      if (!tasks.succeeded(i) && window.contains(end)) {
        first = Math.min(first, end);
      }
    }
    if (first != Long.MAX_VALUE && window.contains(first)) {
      return RecoveryResult.recovered((first - window.startMs()) / 1000.0);
    }
    return ran
        ? RecoveryResult.notRecovered((window.endMs() - window.startMs()) / 1000.0)
        : RecoveryResult.noData();
  }

  private static long nextStart(List<FaultWindow> windows, FaultWindow window) {
    long next = Long.MAX_VALUE;
    for (FaultWindow other : windows) {
      if (other != window && other.startMs() >= window.endMs()) {
        next = Math.min(next, other.startMs());
      }
    }
    return next;
  }

  private static double wholeRate(TaskStarts tasks) {
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (int i = 0; i < tasks.size(); i++) {
      first = Math.min(first, tasks.startMs(i));
      last = Math.max(last, tasks.startMs(i));
    }
    return last > first ? (tasks.size() - 1) * 1000.0 / (last - first) : 0;
  }
}
