package dev.gauntlet.reports.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gauntlet.dataset.Expectation;
import dev.gauntlet.dataset.ToolCall;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether one call the agent made is the expected call: same name and, when arguments were recorded, BFCL's
 * argument rules: no argument that is not expected, every argument present unless optional, each value one of those
 * accepted ({@link ArgumentValues}). Stateless and thread-safe.
 */
final class CallCheck {

  private CallCheck() {}

  /** Why {@code actual} is not {@code expected}, or empty when it is. */
  static Optional<String> mismatch(
      Expectation.Trajectory.Call expected, ToolCall actual, boolean withArguments) {
    if (!expected.name().equals(actual.name())) {
      return Optional.of("must call " + expected.name() + ", but called " + actual.name());
    }
    if (!withArguments) {
      return Optional.empty();
    }
    JsonNode arguments = actual.arguments();
    if (!arguments.isObject()) {
      return Optional.of(expected.name() + " arguments must be an object, but were " + arguments);
    }
    for (Iterator<String> names = arguments.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!expected.accepted().containsKey(name)) {
        return Optional.of(
            expected.name()
                + " must not have argument "
                + name
                + ", but had "
                + arguments.get(name));
      }
    }
    for (Map.Entry<String, List<JsonNode>> argument : expected.accepted().entrySet()) {
      Optional<String> wrong =
          argument(expected, argument.getKey(), argument.getValue(), arguments);
      if (wrong.isPresent()) {
        return wrong;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> argument(
      Expectation.Trajectory.Call expected,
      String name,
      List<JsonNode> accepted,
      JsonNode arguments) {
    JsonNode value = arguments.get(name);
    if (value == null) {
      return expected.optional().contains(name)
          ? Optional.empty()
          : Optional.of(expected.name() + " must have argument " + name + ", but it was missing");
    }
    if (accepted.stream().anyMatch(want -> ArgumentValues.matches(want, value))) {
      return Optional.empty();
    }
    String wanted =
        accepted.size() == 1
            ? accepted.get(0).toString()
            : "one of "
                + accepted.stream().map(JsonNode::toString).collect(Collectors.joining(", "));
    return Optional.of(
        expected.name() + " argument " + name + " must be " + wanted + ", but was " + value);
  }
}
