package dev.gauntlet.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads an item's {@code script}: tool-call steps, then exactly one answer, last. */
final class ScriptReader {

  private static final List<String> STEP_KINDS = List.of("tool_calls", "answer");

  private ScriptReader() {}

  static Optional<List<ScriptStep>> read(JsonFields item) {
    Optional<List<JsonNode>> nodes = item.list("script", true, 1);
    if (nodes.isEmpty()) {
      return Optional.empty();
    }
    int before = item.spot().problemCount();
    List<ScriptStep> steps = new ArrayList<>();
    for (int i = 0; i < nodes.get().size(); i++) {
      String path = "script[" + i + "]";
      JsonFields.of(nodes.get().get(i), path, item.spot())
          .flatMap(ScriptReader::step)
          .ifPresent(steps::add);
    }
    checkOrder(steps, item.spot(), nodes.get().size());
    return item.spot().problemCount() == before ? Optional.of(steps) : Optional.empty();
  }

  private static void checkOrder(List<ScriptStep> steps, LineSpot spot, int size) {
    if (steps.size() < size) {
      return;
    }
    for (int i = 0; i < size - 1; i++) {
      if (steps.get(i) instanceof ScriptStep.Answer) {
        spot.report(
            "script[" + i + "]",
            "must be tool_calls, since only the last step may answer, but was an answer"
                + " followed by "
                + (size - 1 - i)
                + " more step(s)");
      }
    }
    if (!(steps.get(size - 1) instanceof ScriptStep.Answer)) {
      spot.report(
          "script[" + (size - 1) + "]",
          "must be an answer, since the script must end by answering, " + "but was tool_calls");
    }
  }

  private static Optional<ScriptStep> step(JsonFields step) {
    step.allowOnly(STEP_KINDS);
    List<String> present = STEP_KINDS.stream().filter(step::has).toList();
    if (present.size() != 1) {
      String had = present.isEmpty() ? "none" : "both";
      step.spot()
          .report(step.path(), "must have exactly one of tool_calls, answer, but had " + had);
      return Optional.empty();
    }
    if (present.get(0).equals("answer")) {
      return step.text("answer", true).map(ScriptStep.Answer::new);
    }
    List<JsonNode> nodes = step.list("tool_calls", true, 1).orElse(null);
    if (nodes == null) {
      return Optional.empty();
    }
    List<ToolCall> calls = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      JsonFields.of(nodes.get(i), step.child("tool_calls") + "[" + i + "]", step.spot())
          .flatMap(ScriptReader::call)
          .ifPresent(calls::add);
    }
    return calls.size() == nodes.size()
        ? Optional.of(new ScriptStep.CallTools(calls))
        : Optional.empty();
  }

  private static Optional<ToolCall> call(JsonFields call) {
    call.allowOnly(List.of("name", "arguments"));
    Optional<String> name = call.text("name", true);
    Optional<JsonFields> arguments = call.object("arguments", true);
    return name.isPresent() && arguments.isPresent()
        ? Optional.of(new ToolCall(name.get(), arguments.get().node()))
        : Optional.empty();
  }
}
