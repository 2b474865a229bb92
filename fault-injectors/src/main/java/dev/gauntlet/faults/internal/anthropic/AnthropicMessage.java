package dev.gauntlet.faults.internal.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gauntlet.faults.internal.provider.Reply;
import dev.gauntlet.faults.internal.provider.Wire;
import java.io.IOException;
import java.util.List;

/**
 * One scripted turn in Anthropic's Messages wire format: a {@code message} whose content is a text block or
 * {@code tool_use} blocks, with the stop reason the turn's {@link Wire} calls for. Immutable.
 *
 * @param id           {@code msg_…}
 * @param model        the model that answered
 * @param reply        what the model said
 * @param inputTokens  {@code usage.input_tokens}
 * @param outputTokens {@code usage.output_tokens}
 * @param wire         how the turn deviates on the wire
 */
record AnthropicMessage(
    String id, String model, Reply reply, long inputTokens, long outputTokens, Wire wire) {

  static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * {@code tool_use} when the model calls tools, {@code end_turn} otherwise; {@code max_tokens} for a turn cut by
   * the token limit; {@code refusal} for a refusal or a content filter, which is how Anthropic's classifiers stop a
   * turn.
   */
  String stopReason() {
    if (wire.refusal() || wire.stop() == Wire.Stop.CONTENT_FILTER) {
      return "refusal";
    }
    if (wire.stop() == Wire.Stop.LENGTH) {
      return "max_tokens";
    }
    return reply instanceof Reply.Calls ? "tool_use" : "end_turn";
  }

  /** The tool calls made, none for a text answer. */
  List<Reply.Call> calls() {
    return reply instanceof Reply.Calls calls ? calls.calls() : List.of();
  }

  /** The text of a text answer, empty for tool calls. */
  String text() {
    return reply instanceof Reply.Text text ? text.content() : "";
  }

  /** Anthropic's id for a scripted call id: {@code call_x} becomes {@code toolu_x}. */
  static String toolUseId(Reply.Call call) {
    return "toolu_" + (call.id().startsWith("call_") ? call.id().substring(5) : call.id());
  }

  /** The non-streamed body, broken as the wire says. */
  String body() {
    ObjectNode root = header(stopReason(), usage(outputTokens));
    ArrayNode content = root.putArray("content");
    if (calls().isEmpty()) {
      content.addObject().put("type", "text").put("text", text());
    }
    calls().forEach(call -> content.add(toolUse(call, input(call.arguments()))));
    return wire.body(root.toString());
  }

  /** The message without content: whole when {@code stopReason} is set, as {@code message_start} has it if null. */
  ObjectNode header(String stopReason, ObjectNode usage) {
    ObjectNode root =
        JSON.objectNode()
            .put("id", id)
            .put("type", "message")
            .put("role", "assistant")
            .put("model", model);
    root.putArray("content");
    root.put("stop_reason", stopReason).putNull("stop_sequence");
    root.set("usage", usage);
    return root;
  }

  ObjectNode usage(long output) {
    return JSON.objectNode()
        .put("input_tokens", inputTokens)
        .put("cache_creation_input_tokens", 0)
        .put("cache_read_input_tokens", 0)
        .put("output_tokens", output)
        .put("service_tier", "standard");
  }

  static ObjectNode toolUse(Reply.Call call, JsonNode input) {
    ObjectNode block =
        JSON.objectNode()
            .put("type", "tool_use")
            .put("id", toolUseId(call))
            .put("name", call.name());
    block.set("input", input);
    return block;
  }

  /**
   * The arguments as the object Anthropic sends; arguments that are not a JSON object (a malformed or cut turn) go
   * raw, as a string, since {@code input} cannot hold broken JSON.
   */
  static JsonNode input(String arguments) {
    try {
      JsonNode input = MAPPER.readTree(arguments);
      return input != null && input.isObject() ? input : JSON.textNode(arguments);
    } catch (IOException notJson) {
      return JSON.textNode(arguments);
    }
  }

  /** The {@code partial_json} an {@code input_json_delta} stream sends: the object's JSON, or the raw broken text. */
  static String partialJson(String arguments) {
    JsonNode input = input(arguments);
    return input.isTextual() ? input.asText() : input.toString();
  }
}
