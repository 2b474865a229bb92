package dev.gauntlet.reports.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gauntlet.dataset.Expectation;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Expected trajectories for tests, built the short way. */
final class Trajectories {

  private Trajectories() {}

  /** A call whose arguments are each one accepted value, from a JSON object. */
  static Expectation.Trajectory.Call expect(String name, String arguments, String... optional) {
    Map<String, List<JsonNode>> accepted = new LinkedHashMap<>();
    Answers.json(arguments)
        .fields()
        .forEachRemaining(f -> accepted.put(f.getKey(), List.of(f.getValue())));
    return new Expectation.Trajectory.Call(name, accepted, Set.of(optional));
  }

  static Expectation.Trajectory.Step single(Expectation.Trajectory.Call call) {
    return new Expectation.Trajectory.Step(List.of(call));
  }

  static Expectation.Trajectory.Step parallel(Expectation.Trajectory.Call... calls) {
    return new Expectation.Trajectory.Step(Arrays.asList(calls));
  }

  static Expectation.Trajectory strict(Expectation.Trajectory.Step... steps) {
    return new Expectation.Trajectory(Arrays.asList(steps), false);
  }
}
