package dev.gauntlet.reports.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gauntlet.dataset.ToolCall;
import dev.gauntlet.run.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Answers and JSON for scorer tests. */
final class Answers {

  static final String INPUT = "Where is order A1?";

  private Answers() {}

  static AgentAnswer text(String output) {
    return AgentAnswer.of(INPUT, output, List.of());
  }

  static AgentAnswer calls(ToolCall... calls) {
    return AgentAnswer.of(INPUT, "done", List.of(calls));
  }

  static AgentAnswer calls(List<ToolCall> calls) {
    return AgentAnswer.of(INPUT, "done", calls);
  }

  static ToolCall call(String name, String arguments) {
    return new ToolCall(name, json(arguments));
  }

  static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
