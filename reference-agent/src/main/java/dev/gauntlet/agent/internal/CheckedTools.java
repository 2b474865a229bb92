package dev.gauntlet.agent.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;

/**
 * The resilient policy: only tools in the catalog, only with a JSON object of arguments; a
 * failing tool becomes an error message for the model instead of a failed task. Thread-safe.
 */
public final class CheckedTools implements ToolPolicy {
    private final ToolClient tools;

    public CheckedTools(ToolClient tools) {
        this.tools = tools;
    }

    @Override
    public String handle(RequestedToolCall call, ToolCatalog catalog, String taskId, List<ExecutedToolCall> executed)
            throws InterruptedException {
        if (!catalog.contains(call.name())) {
            return Json.error("unknown tool " + call.name());
        }
        JsonNode arguments = parseObject(call.arguments());
        if (arguments == null) {
            return Json.error("arguments of " + call.name() + " must be a JSON object, but were " + call.arguments());
        }
        executed.add(new ExecutedToolCall(call.name(), arguments));
        try {
            return tools.execute(call.name(), arguments.toString(), taskId);
        } catch (IOException e) {
            return Json.error("tool " + call.name() + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }

    private static JsonNode parseObject(String text) {
        try {
            JsonNode node = Json.MAPPER.readTree(text == null || text.isBlank() ? "{}" : text);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }
}
