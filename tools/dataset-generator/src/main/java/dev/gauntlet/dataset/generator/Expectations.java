package dev.gauntlet.dataset.generator;

import dev.gauntlet.dataset.Expectation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Trajectory expectations as the generators write them: tool names only, since a run records the names of the
 * tools the agent called and not their arguments (a trajectory with arguments would be left unscored). Stateless.
 */
final class Expectations {

  private Expectations() {}

  /** One call per step, in order, nothing else. */
  static Expectation.Trajectory trajectory(String... tools) {
    return new Expectation.Trajectory(Arrays.stream(tools).map(Expectations::step).toList(), false);
  }

  /** The {@code parallel} tools in one step, in any order among themselves, then {@code then}, one per step. */
  static Expectation.Trajectory parallelThen(List<String> parallel, String... then) {
    List<Expectation.Trajectory.Step> steps = new ArrayList<>();
    steps.add(step(parallel.toArray(String[]::new)));
    Arrays.stream(then).forEach(tool -> steps.add(step(tool)));
    return new Expectation.Trajectory(steps, false);
  }

  private static Expectation.Trajectory.Step step(String... tools) {
    return new Expectation.Trajectory.Step(
        Arrays.stream(tools)
            .map(tool -> new Expectation.Trajectory.Call(tool, Map.of(), Set.of()))
            .toList());
  }
}
