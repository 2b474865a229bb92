package dev.gauntlet.agent.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The naive policy: executes whatever tool the model names with whatever arguments it wrote; a
 * tool that cannot be reached fails the task. Thread-safe.
 */
public final class TrustingTools implements ToolPolicy {
  private final ToolClient tools;

  public TrustingTools(ToolClient tools) {
    this.tools = tools;
  }

  @Override
  public String handle(
      RequestedToolCall call, ToolCatalog catalog, String taskId, List<ExecutedToolCall> executed)
      throws InterruptedException {
    String body = call.arguments() == null || call.arguments().isBlank() ? "{}" : call.arguments();
    executed.add(new ExecutedToolCall(call.name(), asJson(body)));
    try {
      return tools.execute(call.name(), body, taskId);
    } catch (IOException e) {
      throw new UncheckedIOException("tool " + call.name() + " failed", e);
    }
  }

  private static JsonNode asJson(String text) {
    try {
      return Json.MAPPER.readTree(text);
    } catch (IOException e) {
      return TextNode.valueOf(text);
    }
  }
}
