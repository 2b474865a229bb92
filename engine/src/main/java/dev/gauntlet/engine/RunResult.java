package dev.gauntlet.engine;

import dev.gauntlet.reports.Verdict;
import dev.gauntlet.run.RunDirectory;
import java.util.Optional;

/**
 * How a run ended. Immutable and thread-safe.
 *
 * @param directory the run directory, with every file design.md lists that the run got as far as writing
 * @param exitCode  design.md's exit code: {@link ExitCodes#PASSED}, {@link ExitCodes#SLO_FAILED},
 *                  {@link ExitCodes#UNRESOLVED}, or {@link ExitCodes#HARNESS_FAILED} when it failed to happen
 * @param verdict   the verdict (also in verdict.json), or null when the run failed to happen or was interrupted
 * @param failure   why the run failed to happen (the target never became ready, Gatling failed), null otherwise
 */
public record RunResult(RunDirectory directory, int exitCode, Verdict verdict, String failure) {

  /** The verdict, when the run was judged. */
  public Optional<Verdict> judged() {
    return Optional.ofNullable(verdict);
  }

  /** Whether every SLO passed. */
  public boolean passed() {
    return exitCode == ExitCodes.PASSED;
  }
}
