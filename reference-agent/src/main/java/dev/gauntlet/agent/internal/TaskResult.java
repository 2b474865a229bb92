package dev.gauntlet.agent.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A task's answer and what it cost. Immutable and thread-safe.
 *
 * @param taskId       the task's id
 * @param output       the model's final answer
 * @param toolCalls    the tool calls sent to the tool server, in order
 * @param llmCalls     LLM requests sent, retries and fallback included
 * @param provider     which provider gave the final answer
 * @param inputTokens  prompt tokens over all answered requests
 * @param outputTokens completion tokens over all answered requests
 */
public record TaskResult(String taskId, String output, List<ExecutedToolCall> toolCalls, int llmCalls,
                         String provider, long inputTokens, long outputTokens) {

  public TaskResult {
    toolCalls = List.copyOf(toolCalls);
  }

  /** The body of the 200 answer. */
  public ObjectNode toJson() {
    ObjectNode json = Json.object().put("task_id", taskId).put("output", output);
    ArrayNode calls = json.putArray("tool_calls");
    toolCalls.forEach(call -> calls.addObject().put("name", call.name()).set("arguments", call.arguments()));
    json.put("llm_calls", llmCalls).put("provider", provider);
    json.putObject("usage").put("input_tokens", inputTokens).put("output_tokens", outputTokens);
    return json;
  }
}
