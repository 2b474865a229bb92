package dev.gauntlet.reports.metrics;

/**
 * What the scenario's SLOs say healthy is, which recovery's health bar starts from ({@link SteadyState#rule}); the
 * measure itself is {@link StartRecovery}, on tasks by the time they started. (Until issue 14 recovery time watched a
 * rolling success rate and p95 from the fault's end, and so measured the rolling window draining the failures from
 * before the end rather than the agent; that code is gone.) Thread-safe (stateless).
 */
public final class Recovery {

  private Recovery() {}

  /**
   * The SLO bounds of healthy.
   *
   * @param minSuccessRate lowest healthy success rate
   * @param maxP95Seconds  highest healthy p95 latency, or null to ignore latency
   */
  public record Bounds(double minSuccessRate, Double maxP95Seconds) {}
}
