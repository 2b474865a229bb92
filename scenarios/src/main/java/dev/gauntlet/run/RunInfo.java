package dev.gauntlet.run;

/**
 * What happened to a run as a whole, written to {@code run.json} when the workload starts and again when it ends.
 *
 * @param scenario   scenario name
 * @param seed       the seed every random choice drew from
 * @param mode       the target's mode, when the target is the reference agent
 * @param startedMs  epoch milliseconds when the workload started
 * @param endedMs    epoch milliseconds when it ended, 0 while running
 * @param targetRate the profile's mean rate, tasks per minute
 * @param outcome    {@code running}, {@code completed}, {@code interrupted} or {@code target_died}
 * @param detail     a sentence on the outcome, null when completed
 */
public record RunInfo(
    String scenario,
    long seed,
    String mode,
    long startedMs,
    long endedMs,
    double targetRate,
    String outcome,
    String detail) {

  public static final String RUNNING = "running";
  public static final String COMPLETED = "completed";
  public static final String INTERRUPTED = "interrupted";
  public static final String TARGET_DIED = "target_died";

  /** The same run, ended with this outcome at {@code endedAtMs}. */
  public RunInfo ended(long endedAtMs, String endOutcome, String endDetail) {
    return new RunInfo(
        scenario, seed, mode, startedMs, endedAtMs, targetRate, endOutcome, endDetail);
  }
}
