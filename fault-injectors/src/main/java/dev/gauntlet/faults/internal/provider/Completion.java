package dev.gauntlet.faults.internal.provider;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One scripted completion in OpenAI's Chat Completions wire format, whole ({@code chat.completion}) or as the
 * pieces of a stream. Immutable.
 *
 * @param id      {@code chatcmpl-…}
 * @param created epoch seconds
 * @param model   the model that answered
 * @param reply   what the model said
 * @param prompt     prompt tokens
 * @param completion completion tokens
 * @param wire       how it deviates on the wire from a well-formed completion
 */
public record Completion(
    String id, long created, String model, Reply reply, long prompt, long completion, Wire wire) {

  static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** A well-formed completion. */
  public Completion(
      String id, long created, String model, Reply reply, long prompt, long completion) {
    this(id, created, model, reply, prompt, completion, Wire.NORMAL);
  }

  /** {@code stop} for text, {@code tool_calls} for tool calls, unless the wire says otherwise. */
  public String finishReason() {
    return switch (wire.stop()) {
      case LENGTH -> "length";
      case CONTENT_FILTER -> "content_filter";
      case NATURAL -> reply instanceof Reply.Calls ? "tool_calls" : "stop";
    };
  }

  /** The non-streamed body; a cut body is not valid JSON. */
  public String body() {
    return wire.body(wholeBody());
  }

  private String wholeBody() {
    ObjectNode message = JSON.objectNode().put("role", "assistant");
    if (reply instanceof Reply.Text text && wire.refusal()) {
      message.putNull("content");
      message.put("refusal", text.content());
    } else if (reply instanceof Reply.Text text) {
      message.put("content", text.content());
      message.putNull("refusal");
    } else {
      message.putNull("content");
      message.set("tool_calls", toolCalls(((Reply.Calls) reply), true));
      message.putNull("refusal");
    }
    ObjectNode choice = JSON.objectNode().put("index", 0);
    choice.set("message", message);
    choice.putNull("logprobs");
    choice.put("finish_reason", finishReason());
    ObjectNode root = header("chat.completion");
    root.putArray("choices").add(choice);
    root.set("usage", usage());
    return root.toString();
  }

  ObjectNode header(String object) {
    return JSON.objectNode()
        .put("id", id)
        .put("object", object)
        .put("created", created)
        .put("model", model)
        .put("system_fingerprint", "fp_gauntlet");
  }

  ObjectNode usage() {
    return JSON.objectNode()
        .put("prompt_tokens", prompt)
        .put("completion_tokens", completion)
        .put("total_tokens", prompt + completion);
  }

  /** Tool calls as in a message ({@code whole}) or as the opening delta of each call, arguments still empty. */
  static ArrayNode toolCalls(Reply.Calls calls, boolean whole) {
    ArrayNode out = JSON.arrayNode();
    for (int i = 0; i < calls.calls().size(); i++) {
      Reply.Call call = calls.calls().get(i);
      ObjectNode node = whole ? JSON.objectNode() : JSON.objectNode().put("index", i);
      node.put("id", call.id()).put("type", "function");
      node.putObject("function")
          .put("name", call.name())
          .put("arguments", whole ? call.arguments() : "");
      out.add(node);
    }
    return out;
  }
}
