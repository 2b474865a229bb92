package dev.gauntlet.agent.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The resilient policy: only tools in the catalog, only with a JSON object of arguments that
 * satisfies the tool's schema; anything else is refused with an error message for the model,
 * never executed. A call the catalog's {@code approval} says needs a human is not executed either: it throws
 * {@link ApprovalRequiredException} for the task loop to tell the model, or to answer that it escalated. A failing
 * tool becomes an error message too instead of a failed task. Thread-safe.
 */
public final class CheckedTools implements ToolPolicy {
  private final ToolClient tools;

  public CheckedTools(ToolClient tools) {
    this.tools = tools;
  }

  @Override
  public String handle(
      RequestedToolCall call, ToolCatalog catalog, String taskId, List<ExecutedToolCall> executed)
      throws InterruptedException {
    if (!catalog.contains(call.name())) {
      return Json.error("unknown tool " + call.name());
    }
    JsonNode arguments = ArgumentSchema.parseObject(call.arguments());
    if (arguments == null) {
      return Json.error(
          "arguments of " + call.name() + " must be a JSON object, but were " + call.arguments());
    }
    ToolSpec tool = catalog.tool(call.name()).orElseThrow();
    Optional<String> violation = ArgumentSchema.violation(tool.parameters(), arguments);
    if (violation.isPresent()) {
      return Json.error("refused to call " + call.name() + ": " + violation.get());
    }
    if (tool.approval().requiredFor(arguments)) {
      throw new ApprovalRequiredException(call.name(), tool.approval().reason());
    }
    executed.add(new ExecutedToolCall(call.name(), arguments));
    try {
      return tools.execute(call.name(), arguments.toString(), taskId);
    } catch (IOException e) {
      return Json.error(
          "tool "
              + call.name()
              + " failed: "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : " " + e.getMessage()));
    }
  }
}
