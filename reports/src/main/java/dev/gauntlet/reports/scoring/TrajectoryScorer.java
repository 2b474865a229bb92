package dev.gauntlet.reports.scoring;

import dev.gauntlet.dataset.Expectation;
import dev.gauntlet.dataset.ToolCall;
import java.util.List;
import java.util.OptionalInt;

/**
 * {@code trajectory}: the agent's tool calls are the expected steps, in order, in the manner of BFCL's AST check
 * (names, argument types and values, optional arguments; see {@link CallCheck}). The calls of a parallel step may come
 * in any order; steps may not. Without {@code allow_extra_calls} the calls must be exactly the steps; with it, other
 * calls may come between and after them. The value is the share of steps found before the first one missing.
 *
 * <p>In an evaluated run the calls are those the tool mock served, arguments included. When only tool names are
 * known ({@link AgentAnswer#argumentsRecorded()} false: the agent's tools are not behind the mock, or an old
 * ledger) the names are still checked: a wrong name or order fails, but a match whose arguments would have needed
 * checking is unscored, not passed. Stateless and thread-safe.
 */
public final class TrajectoryScorer implements Scorer<Expectation.Trajectory> {

  @Override
  public String kind() {
    return "trajectory";
  }

  @Override
  public Class<Expectation.Trajectory> type() {
    return Expectation.Trajectory.class;
  }

  @Override
  public Score score(Expectation.Trajectory expected, AgentAnswer answer) {
    List<ToolCall> calls = answer.toolCalls();
    boolean withArguments = answer.argumentsRecorded();
    List<Expectation.Trajectory.Step> steps = expected.steps();
    int at = 0;
    for (int i = 0; i < steps.size(); i++) {
      OptionalInt end =
          expected.allowExtraCalls()
              ? StepMatch.earliest(steps.get(i), calls, at, withArguments)
              : StepMatch.exactly(steps.get(i), calls, at, withArguments);
      if (end.isEmpty()) {
        return Score.fail(
            (double) i / steps.size(),
            TrajectoryReasons.missing(
                i, steps.get(i), calls, at, expected.allowExtraCalls(), withArguments));
      }
      at = end.getAsInt();
    }
    if (!expected.allowExtraCalls() && at < calls.size()) {
      List<ToolCall> extra = calls.subList(at, calls.size());
      return Score.fail(
          (double) steps.size() / (steps.size() + extra.size()), TrajectoryReasons.extra(extra));
    }
    if (!withArguments && checksArguments(expected)) {
      return Score.unscored(
          "tool names match the trajectory, but only the names the agent reported are known (the "
              + "tool mock's ledger has no arguments for this task), so the arguments could not be checked");
    }
    int others = calls.size() - countCalls(expected);
    return Score.pass(
        "made the "
            + steps.size()
            + " expected step(s)"
            + (others > 0 ? " and " + others + " other " + "call(s)" : ""));
  }

  private static boolean checksArguments(Expectation.Trajectory expected) {
    return expected.steps().stream()
        .flatMap(step -> step.calls().stream())
        .anyMatch(call -> !call.accepted().isEmpty());
  }

  private static int countCalls(Expectation.Trajectory expected) {
    return expected.steps().stream().mapToInt(step -> step.calls().size()).sum();
  }
}
