package dev.gauntlet.faults.internal.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The last result the agent sent back for each function, read from the {@code tool} messages of a conversation.
 * A result that is not JSON, or is an error ({@code {"error": …}}), counts as no result. Immutable once built.
 */
public final class ToolResults {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Map<String, JsonNode> lastByFunction;

  private ToolResults(Map<String, JsonNode> lastByFunction) {
    this.lastByFunction = lastByFunction;
  }

  /** Pairs each {@code tool} message with the assistant tool call it answers, by {@code tool_call_id}. */
  public static ToolResults of(ChatRequest request) {
    Map<String, String> functionByCallId = new HashMap<>();
    Map<String, JsonNode> last = new HashMap<>();
    for (ChatRequest.Message m : request.messages()) {
      m.toolCalls().forEach(c -> functionByCallId.put(c.id(), c.name()));
      String function = m.toolCallId() == null ? null : functionByCallId.get(m.toolCallId());
      if (m.role().equals("tool") && function != null) {
        last.put(function, usable(m.content()));
      }
    }
    return new ToolResults(last);
  }

  private static JsonNode usable(String content) {
    try {
      JsonNode result = MAPPER.readTree(content);
      return result == null || result.has("error") ? MissingNode.getInstance() : result;
    } catch (IOException notJson) {
      return MissingNode.getInstance();
    }
  }

  /** The last usable result of {@code function}, if the agent sent one back. */
  public Optional<JsonNode> last(String function) {
    JsonNode node = lastByFunction.get(function);
    return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
  }
}
