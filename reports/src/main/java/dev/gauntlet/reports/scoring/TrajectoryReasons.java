package dev.gauntlet.reports.scoring;

import dev.gauntlet.dataset.Expectation;
import dev.gauntlet.dataset.ToolCall;
import java.util.List;
import java.util.Optional;

/** The reasons a trajectory fails, naming the step and what the agent did instead. */
final class TrajectoryReasons {

  private TrajectoryReasons() {}

  static String missing(
      int index,
      Expectation.Trajectory.Step step,
      List<ToolCall> calls,
      int at,
      boolean extras,
      boolean withArguments) {
    String wanted = "step " + (index + 1) + " must call " + describe(step);
    List<ToolCall> rest = calls.subList(at, calls.size());
    List<ToolCall> window =
        extras ? rest : rest.subList(0, Math.min(step.calls().size(), rest.size()));
    if (window.isEmpty()) {
      return wanted + ", but the agent made no more calls";
    }
    Optional<String> arguments =
        names(window).containsAll(names(step)) || extras
            ? StepMatch.argumentMismatch(step, window, withArguments)
            : Optional.empty();
    if (arguments.isPresent()) {
      return wanted + ", but " + arguments.get();
    }
    return wanted + ", but the agent called " + String.join(", ", names(window));
  }

  static String extra(List<ToolCall> extra) {
    return "the agent must make only the expected calls, but made "
        + extra.size()
        + " more: "
        + String.join(", ", extra.stream().map(ToolCall::name).toList());
  }

  private static String describe(Expectation.Trajectory.Step step) {
    List<String> names = names(step);
    return names.size() == 1 ? names.get(0) : String.join(" and ", names) + " in any order";
  }

  private static List<String> names(Expectation.Trajectory.Step step) {
    return step.calls().stream().map(Expectation.Trajectory.Call::name).toList();
  }

  private static List<String> names(List<ToolCall> calls) {
    return calls.stream().map(ToolCall::name).toList();
  }
}
