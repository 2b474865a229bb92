package dev.gauntlet.faults.internal.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gauntlet.faults.internal.provider.Reply;
import dev.gauntlet.faults.internal.provider.Wire;
import java.util.List;

/**
 * One scripted answer in the Responses API's wire format: a {@code response} whose output is a {@code message} with
 * {@code output_text}, or {@code function_call} items. Immutable.
 *
 * @param id           {@code resp_…}; item ids are derived from it
 * @param createdAt    epoch seconds
 * @param model        the model that answered
 * @param instructions the request's instructions, empty when none
 * @param tools        the request's tools, echoed
 * @param reply        what the model said
 * @param inputTokens  {@code usage.input_tokens}
 * @param outputTokens {@code usage.output_tokens}
 * @param wire         how the turn deviates on the wire: a cut turn is {@code incomplete}, a refusal is a
 *                     {@code refusal} content part
 */
record ScriptedResponse(
    String id,
    long createdAt,
    String model,
    String instructions,
    JsonNode tools,
    Reply reply,
    long inputTokens,
    long outputTokens,
    Wire wire) {

  static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** The tool calls made, none for a text answer. */
  List<Reply.Call> calls() {
    return reply instanceof Reply.Calls calls ? calls.calls() : List.of();
  }

  /** The text of a text answer, empty for tool calls. */
  String text() {
    return reply instanceof Reply.Text text ? text.content() : "";
  }

  String messageId() {
    return "msg_" + id.substring(5);
  }

  String callItemId(int index) {
    return "fc_" + id.substring(5) + "_" + index;
  }

  /** The non-streamed body, broken as the wire says. */
  String body() {
    return wire.body(response(true).toString());
  }

  /** Why the turn is incomplete ({@code max_output_tokens}, {@code content_filter}), or null when it is not. */
  String incompleteReason() {
    return switch (wire.stop()) {
      case LENGTH -> "max_output_tokens";
      case CONTENT_FILTER -> "content_filter";
      case NATURAL -> null;
    };
  }

  /** {@code completed}, or {@code incomplete} when the turn was cut. */
  String finalStatus() {
    return incompleteReason() == null ? "completed" : "incomplete";
  }

  /**
   * The response object: finished ({@link #finalStatus}) with output and usage, or {@code in_progress} with
   * neither.
   */
  ObjectNode response(boolean completed) {
    ObjectNode root =
        JSON.objectNode()
            .put("id", id)
            .put("object", "response")
            .put("created_at", createdAt)
            .put("status", completed ? finalStatus() : "in_progress")
            .put("background", false);
    root.putNull("error");
    if (completed && incompleteReason() != null) {
      root.putObject("incomplete_details").put("reason", incompleteReason());
    } else {
      root.putNull("incomplete_details");
    }
    root.put("instructions", instructions.isEmpty() ? null : instructions);
    root.putNull("max_output_tokens");
    root.put("model", model);
    ArrayNode output = root.putArray("output");
    if (completed) {
      output.addAll(outputItems());
    }
    root.put("parallel_tool_calls", true).putNull("previous_response_id");
    root.putObject("reasoning").putNull("effort").putNull("summary");
    root.put("service_tier", "default").put("store", false).put("temperature", 1.0);
    root.putObject("text").putObject("format").put("type", "text");
    root.put("tool_choice", "auto");
    root.set("tools", tools);
    root.put("top_p", 1.0).put("truncation", "disabled");
    root.set("usage", completed ? usage() : JSON.nullNode());
    root.putNull("user");
    root.putObject("metadata");
    return root;
  }

  ArrayNode outputItems() {
    ArrayNode items = JSON.arrayNode();
    if (calls().isEmpty()) {
      items.add(message(true));
    }
    for (int i = 0; i < calls().size(); i++) {
      items.add(functionCall(i, true));
    }
    return items;
  }

  ObjectNode message(boolean done) {
    ObjectNode item =
        JSON.objectNode()
            .put("id", messageId())
            .put("type", "message")
            .put("status", done ? finalStatus() : "in_progress")
            .put("role", "assistant");
    ArrayNode content = item.putArray("content");
    if (done) {
      content.add(part(text()));
    }
    return item;
  }

  /** The message's content part with {@code text}: {@code output_text}, or {@code refusal} for a refusal. */
  ObjectNode part(String text) {
    return wire.refusal()
        ? JSON.objectNode().put("type", "refusal").put("refusal", text)
        : textPart(text);
  }

  static ObjectNode textPart(String text) {
    ObjectNode part = JSON.objectNode().put("type", "output_text");
    part.putArray("annotations");
    part.putArray("logprobs");
    return part.put("text", text);
  }

  ObjectNode functionCall(int index, boolean done) {
    Reply.Call call = calls().get(index);
    return JSON.objectNode()
        .put("id", callItemId(index))
        .put("type", "function_call")
        .put("status", done ? finalStatus() : "in_progress")
        .put("arguments", done ? call.arguments() : "")
        .put("call_id", call.id())
        .put("name", call.name());
  }

  private ObjectNode usage() {
    ObjectNode usage = JSON.objectNode().put("input_tokens", inputTokens);
    usage.putObject("input_tokens_details").put("cached_tokens", 0);
    usage.put("output_tokens", outputTokens);
    usage.putObject("output_tokens_details").put("reasoning_tokens", 0);
    return usage.put("total_tokens", inputTokens + outputTokens);
  }
}
