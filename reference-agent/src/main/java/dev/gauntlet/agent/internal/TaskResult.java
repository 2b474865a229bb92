package dev.gauntlet.agent.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A task's answer, what it cost and whether it came from the cache. Immutable and thread-safe.
 *
 * @param taskId       the task's id
 * @param output       the model's final answer
 * @param toolCalls    the tool calls sent to the tool server, in order
 * @param llmCalls     LLM requests sent, retries and fallback included
 * @param provider     which provider gave the final answer, {@code cache} for a cached answer
 * @param inputTokens  prompt tokens over all answered requests
 * @param outputTokens completion tokens over all answered requests
 * @param complete     whether the answer is one to cache: the model finished normally with text
 * @param cache        what the response cache did for the task
 */
public record TaskResult(
    String taskId,
    String output,
    List<ExecutedToolCall> toolCalls,
    int llmCalls,
    String provider,
    long inputTokens,
    long outputTokens,
    boolean complete,
    CacheStatus cache) {

  public TaskResult {
    toolCalls = List.copyOf(toolCalls);
  }

  /** An answer from the response cache: no LLM call, no tool call, no tokens. */
  public static TaskResult fromCache(String taskId, String output) {
    return new TaskResult(taskId, output, List.of(), 0, "cache", 0, 0, true, CacheStatus.HIT);
  }

  public TaskResult withCache(CacheStatus status) {
    return new TaskResult(
        taskId, output, toolCalls, llmCalls, provider, inputTokens, outputTokens, complete, status);
  }

  /** The body of the 200 answer. */
  public ObjectNode toJson() {
    ObjectNode json = Json.object().put("task_id", taskId).put("output", output);
    ArrayNode calls = json.putArray("tool_calls");
    toolCalls.forEach(
        call -> calls.addObject().put("name", call.name()).set("arguments", call.arguments()));
    json.put("llm_calls", llmCalls).put("provider", provider);
    json.putObject("usage").put("input_tokens", inputTokens).put("output_tokens", outputTokens);
    json.put("cache", cache.label());
    return json;
  }
}
