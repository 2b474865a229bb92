package dev.gauntlet.reports.scoring;

import dev.gauntlet.dataset.Expectation;
import dev.gauntlet.dataset.ToolCall;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Finds one step of a trajectory among the calls the agent made: each expected call of the step paired with a
 * different actual call that it matches ({@link CallCheck}), in any order. Stateless and thread-safe.
 */
final class StepMatch {

  private StepMatch() {}

  /** The end of the step when it is exactly the next calls from {@code from}, or empty. */
  static OptionalInt exactly(
      Expectation.Trajectory.Step step, List<ToolCall> calls, int from, boolean withArguments) {
    int end = from + step.calls().size();
    return end <= calls.size() && pairs(step, calls.subList(from, end), withArguments)
        ? OptionalInt.of(end)
        : OptionalInt.empty();
  }

  /**
   * The earliest end such that the calls from {@code from} to it hold the step, other calls among them ignored.
   * The earliest is the best for what follows, so no other choice needs trying.
   */
  static OptionalInt earliest(
      Expectation.Trajectory.Step step, List<ToolCall> calls, int from, boolean withArguments) {
    for (int end = from + step.calls().size(); end <= calls.size(); end++) {
      if (pairs(step, calls.subList(from, end), withArguments)) {
        return OptionalInt.of(end);
      }
    }
    return OptionalInt.empty();
  }

  /** Why the first expected call that has a same-name candidate among {@code calls} does not match it, if any. */
  static Optional<String> argumentMismatch(
      Expectation.Trajectory.Step step, List<ToolCall> calls, boolean withArguments) {
    for (Expectation.Trajectory.Call expected : step.calls()) {
      for (ToolCall actual : calls) {
        if (actual.name().equals(expected.name())) {
          Optional<String> why = CallCheck.mismatch(expected, actual, withArguments);
          if (why.isPresent()) {
            return why;
          }
        }
      }
    }
    return Optional.empty();
  }

  /** Whether every expected call can be paired with its own actual call (Kuhn's augmenting paths). */
  private static boolean pairs(
      Expectation.Trajectory.Step step, List<ToolCall> calls, boolean withArguments) {
    int expected = step.calls().size();
    boolean[][] fits = new boolean[expected][calls.size()];
    for (int e = 0; e < expected; e++) {
      for (int a = 0; a < calls.size(); a++) {
        fits[e][a] = CallCheck.mismatch(step.calls().get(e), calls.get(a), withArguments).isEmpty();
      }
    }
    int[] owner = new int[calls.size()];
    Arrays.fill(owner, -1);
    for (int e = 0; e < expected; e++) {
      if (!augment(e, fits, owner, new boolean[calls.size()])) {
        return false;
      }
    }
    return true;
  }

  private static boolean augment(int e, boolean[][] fits, int[] owner, boolean[] seen) {
    for (int a = 0; a < owner.length; a++) {
      if (fits[e][a] && !seen[a]) {
        seen[a] = true;
        if (owner[a] < 0 || augment(owner[a], fits, owner, seen)) {
          owner[a] = e;
          return true;
        }
      }
    }
    return false;
  }
}
