package dev.gauntlet.faults.internal.anthropic;

import static dev.gauntlet.faults.internal.anthropic.AnthropicMessage.JSON;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gauntlet.faults.internal.provider.Reply;
import java.util.List;

/**
 * A message as Anthropic streams it: {@code message_start}, for each content block {@code content_block_start},
 * its deltas ({@code text_delta} or {@code input_json_delta}) and {@code content_block_stop}, with a {@code ping}
 * after the first block opens, then {@code message_delta} (stop reason, output tokens) and {@code message_stop}.
 * Each event is {@code event: <type>\ndata: {…}\n\n}. Stateless.
 */
final class MessagesStream {

  private MessagesStream() {}

  /** The whole {@code text/event-stream} body. */
  static String body(AnthropicMessage message) {
    StringBuilder out = new StringBuilder();
    ObjectNode start = JSON.objectNode();
    start.set("message", message.header(null, message.usage(1)));
    event(out, "message_start", start);
    if (message.calls().isEmpty()) {
      textBlock(out, message.text());
    }
    List<Reply.Call> calls = message.calls();
    for (int i = 0; i < calls.size(); i++) {
      toolUseBlock(out, i, calls.get(i));
    }
    ObjectNode delta = JSON.objectNode();
    delta.putObject("delta").put("stop_reason", message.stopReason()).putNull("stop_sequence");
    delta.putObject("usage").put("output_tokens", message.outputTokens());
    event(out, "message_delta", delta);
    return event(out, "message_stop", JSON.objectNode()).toString();
  }

  private static void textBlock(StringBuilder out, String text) {
    ObjectNode block = JSON.objectNode().put("type", "text").put("text", "");
    open(out, 0, block);
    for (String piece : text.split("(?<=\\s)(?=\\S)")) {
      delta(out, 0, JSON.objectNode().put("type", "text_delta").put("text", piece));
    }
    close(out, 0);
  }

  private static void toolUseBlock(StringBuilder out, int index, Reply.Call call) {
    open(out, index, AnthropicMessage.toolUse(call, JSON.objectNode()));
    delta(out, index, JSON.objectNode().put("type", "input_json_delta").put("partial_json", ""));
    String json = AnthropicMessage.input(call.arguments()).toString();
    int half = json.length() / 2;
    delta(out, index, JSON.objectNode().put("type", "input_json_delta").put("partial_json", json.substring(0, half)));
    delta(out, index, JSON.objectNode().put("type", "input_json_delta").put("partial_json", json.substring(half)));
    close(out, index);
  }

  private static void open(StringBuilder out, int index, ObjectNode block) {
    ObjectNode start = JSON.objectNode().put("index", index);
    start.set("content_block", block);
    event(out, "content_block_start", start);
    if (index == 0) {
      event(out, "ping", JSON.objectNode());
    }
  }

  private static void delta(StringBuilder out, int index, ObjectNode delta) {
    ObjectNode event = JSON.objectNode().put("index", index);
    event.set("delta", delta);
    event(out, "content_block_delta", event);
  }

  private static void close(StringBuilder out, int index) {
    event(out, "content_block_stop", JSON.objectNode().put("index", index));
  }

  private static StringBuilder event(StringBuilder out, String type, ObjectNode data) {
    ObjectNode typed = JSON.objectNode().put("type", type);
    typed.setAll(data);
    return out.append("event: ").append(type).append("\ndata: ").append(typed).append("\n\n");
  }
}
