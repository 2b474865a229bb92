package dev.gauntlet.reports;

import dev.gauntlet.reports.metrics.RecoveryResult;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One fault window with how the target fared before, during and after it. Immutable and thread-safe.
 *
 * @param fault    the fault's name in the scenario
 * @param kind     the fault's kind
 * @param startMs  epoch milliseconds it was switched on
 * @param endMs    epoch milliseconds it was switched off (or the run ended)
 * @param recovery how long the target took to recover after the window
 * @param before   tasks started before the window
 * @param during   tasks started inside the window
 * @param after    tasks started after the window
 * @param timing   failover and detection during the window, and the bar recovery and failover were measured against
 */
public record FaultWindowResult(
    String fault,
    String kind,
    long startMs,
    long endMs,
    RecoveryResult recovery,
    Phase before,
    Phase during,
    Phase after,
    Timing timing) {

  /** A window without failover, detection or the health bar measured. */
  public FaultWindowResult(
      String fault,
      String kind,
      long startMs,
      long endMs,
      RecoveryResult recovery,
      Phase before,
      Phase during,
      Phase after) {
    this(fault, kind, startMs, endMs, recovery, before, during, after, Timing.UNMEASURED);
  }

  /**
   * What happened while the window was on, and the bar its buckets of tasks were held to (docs/metrics.md, "Recovery
   * time").
   *
   * @param failover          from the window's start until the tasks started during it are healthy again, while it
   *                          is still on
   * @param detection         from the window's start until its first visible effect: a task failed or the agent
   *                          called a provider it had not been using; not recovered when nothing showed
   * @param resolutionSeconds the width of the buckets of task starts recovery and failover were measured in
   * @param latencyBoundSeconds the slowest a good task may be; null when latency was not judged
   * @param maxBadShare       the share of bad tasks a healthy bucket may show before it is judged unhealthy
   */
  public record Timing(
      RecoveryResult failover,
      RecoveryResult detection,
      double resolutionSeconds,
      Double latencyBoundSeconds,
      double maxBadShare) {

    /** Nothing measured. */
    public static final Timing UNMEASURED =
        new Timing(RecoveryResult.noData(), RecoveryResult.noData(), 0, null, 0);
  }

  /**
   * Tasks of one phase around a window.
   *
   * @param tasks       how many started in the phase
   * @param successRate share that succeeded, null without tasks
   * @param p95Seconds  p95 latency of the successful ones, null without any
   * @param accuracy    share of the scored ones that were right, null when none was scored
   * @param metrics     every metric of {@link Evaluator#SEGMENT_METRICS} over the tasks started and the ledger
   *                    entries written in the phase, in that order; a null value could not be measured
   */
  public record Phase(
      long tasks,
      Double successRate,
      Double p95Seconds,
      Double accuracy,
      Map<String, Double> metrics) {

    public Phase {
      metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** A phase without the full metric set. */
    public Phase(long tasks, Double successRate, Double p95Seconds, Double accuracy) {
      this(tasks, successRate, p95Seconds, accuracy, Map.of());
    }
  }

  /** Recovery time in seconds, or null when the window did not (yet) recover or had no data after it. */
  public Double recoverySeconds() {
    return recovery.state() == RecoveryResult.State.RECOVERED ? recovery.seconds() : null;
  }

  /** Failover time in seconds, or null when the agent did not fail over while the window was on, or no data. */
  public Double failoverSeconds() {
    return timing.failover().state() == RecoveryResult.State.RECOVERED
        ? timing.failover().seconds()
        : null;
  }

  /** Time to detect in seconds, or null when nothing showed the fault while it was on. */
  public Double timeToDetectSeconds() {
    return timing.detection().state() == RecoveryResult.State.RECOVERED
        ? timing.detection().seconds()
        : null;
  }
}
