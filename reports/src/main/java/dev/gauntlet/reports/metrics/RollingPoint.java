package dev.gauntlet.reports.metrics;

/**
 * The rolling window as seen at one evaluation step: tasks that finished in the trailing window ending at
 * {@code timeMs}.
 *
 * @param timeMs    epoch milliseconds of the step (exclusive end of the window)
 * @param tasks     tasks that finished in the window
 * @param successes of those, how many succeeded
 * @param p95Ms     p95 latency of the successful ones, exact; -1 when none succeeded
 */
public record RollingPoint(long timeMs, int tasks, int successes, long p95Ms) {

  /** Whether no task finished in the window. */
  public boolean isEmpty() {
    return tasks == 0;
  }

  /** Successes over tasks; 1 for an empty window, which is never a breach. */
  public double successRate() {
    return tasks == 0 ? 1.0 : (double) successes / tasks;
  }
}
