package dev.gauntlet.reports.leak;

/**
 * A fitted leak rate: memory = {@code interceptMb} + {@code mbPerTask} × tasks served, with a two-sided
 * {@code confidence} interval [{@code lowerMbPerTask}, {@code upperMbPerTask}] on the slope. Immutable.
 *
 * @param mbPerTask   the least-squares slope: MB leaked per task (per inference)
 * @param interceptMb the fitted memory at zero tasks served
 * @param rSquared    the share of memory's variance the line explains, in [0, 1] (1 when memory never varied)
 * @param samples     how many samples were fitted
 * @param confidence  the interval's confidence level, e.g. 0.95
 */
public record LeakEstimate(
    double mbPerTask,
    double lowerMbPerTask,
    double upperMbPerTask,
    double interceptMb,
    double rSquared,
    int samples,
    double confidence)
    implements LeakFit {

  /** Whether {@code mbPerTask} lies in the interval. */
  public boolean contains(double mbPerTask) {
    return lowerMbPerTask <= mbPerTask && mbPerTask <= upperMbPerTask;
  }

  /** Whether the whole interval is above zero: memory grows with tasks, beyond what noise explains. */
  public boolean leaks() {
    return lowerMbPerTask > 0;
  }
}
