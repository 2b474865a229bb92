package dev.gauntlet.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Reads {@code trajectory}: an array of steps, or {@code {"calls": [...], "allow_extra_calls": true}}. A step is a
 * call ({@code name}, {@code arguments}, {@code one_of}, {@code optional}) or {@code {"parallel": [calls]}}.
 */
final class TrajectoryReader {

  private static final List<String> CALL_KEYS = List.of("name", "arguments", "one_of", "optional");

  private TrajectoryReader() {}

  static Optional<Expectation.Trajectory> read(JsonFields expected) {
    JsonNode value = expected.node().get("trajectory");
    if (value.isArray()) {
      return steps(
              expected.list("trajectory", true, 0).orElseThrow(),
              expected.child("trajectory"),
              expected.spot())
          .map(steps -> new Expectation.Trajectory(steps, false));
    }
    if (!value.isObject()) {
      expected
          .spot()
          .report(
              expected.child("trajectory"),
              "must be an array of calls, or an object with calls and "
                  + "allow_extra_calls, but was "
                  + Describe.json(value));
      return Optional.empty();
    }
    JsonFields trajectory =
        JsonFields.of(value, expected.child("trajectory"), expected.spot()).orElseThrow();
    trajectory.allowOnly(List.of("calls", "allow_extra_calls"));
    boolean extra = ExpectedValues.bool(trajectory, "allow_extra_calls").orElse(false);
    return trajectory
        .list("calls", true, 0)
        .flatMap(nodes -> steps(nodes, trajectory.child("calls"), trajectory.spot()))
        .map(steps -> new Expectation.Trajectory(steps, extra));
  }

  private static Optional<List<Expectation.Trajectory.Step>> steps(
      List<JsonNode> nodes, String path, LineSpot spot) {
    List<Expectation.Trajectory.Step> steps = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      JsonFields.of(nodes.get(i), path + "[" + i + "]", spot)
          .flatMap(TrajectoryReader::step)
          .ifPresent(steps::add);
    }
    return steps.size() == nodes.size() ? Optional.of(steps) : Optional.empty();
  }

  private static Optional<Expectation.Trajectory.Step> step(JsonFields step) {
    if (!step.has("parallel")) {
      return call(step).map(call -> new Expectation.Trajectory.Step(List.of(call)));
    }
    step.allowOnly(List.of("parallel"));
    List<JsonNode> nodes = step.list("parallel", true, 1).orElse(List.of());
    List<Expectation.Trajectory.Call> calls = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      JsonFields.of(nodes.get(i), step.child("parallel") + "[" + i + "]", step.spot())
          .flatMap(TrajectoryReader::call)
          .ifPresent(calls::add);
    }
    return !calls.isEmpty() && calls.size() == nodes.size()
        ? Optional.of(new Expectation.Trajectory.Step(calls))
        : Optional.empty();
  }

  private static Optional<Expectation.Trajectory.Call> call(JsonFields call) {
    call.allowOnly(CALL_KEYS);
    Optional<String> name = call.text("name", true);
    Map<String, List<JsonNode>> accepted = new LinkedHashMap<>();
    call.object("arguments", false)
        .ifPresent(
            arguments -> forEach(arguments, (key, value) -> accepted.put(key, List.of(value))));
    call.object("one_of", false)
        .ifPresent(
            oneOf ->
                forEach(
                    oneOf,
                    (key, value) -> {
                      if (accepted.containsKey(key)) {
                        oneOf
                            .spot()
                            .report(
                                oneOf.child(key),
                                "must not also be in arguments, but "
                                    + Describe.quoted(key)
                                    + " was");
                      } else {
                        oneOf.list(key, true, 1).ifPresent(values -> accepted.put(key, values));
                      }
                    }));
    List<String> optional = ExpectedValues.texts(call, "optional", false, 0).orElse(List.of());
    for (int i = 0; i < optional.size(); i++) {
      if (!accepted.containsKey(optional.get(i))) {
        call.spot()
            .report(
                call.child("optional") + "[" + i + "]",
                "must name an argument of arguments or one_of ("
                    + String.join(", ", accepted.keySet())
                    + "), but was "
                    + Describe.quoted(optional.get(i)));
      }
    }
    return name.map(
        n -> new Expectation.Trajectory.Call(n, accepted, new LinkedHashSet<>(optional)));
  }

  private static void forEach(JsonFields object, BiConsumer<String, JsonNode> action) {
    for (Iterator<Map.Entry<String, JsonNode>> fields = object.node().fields();
        fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      action.accept(field.getKey(), field.getValue());
    }
  }
}
