package dev.gauntlet.faults.internal.anthropic;

import static dev.gauntlet.faults.internal.anthropic.AnthropicMessage.JSON;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gauntlet.faults.internal.Tokens;
import dev.gauntlet.faults.internal.provider.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * A message as Anthropic streams it: {@code message_start}, for each content block {@code content_block_start},
 * its deltas ({@code text_delta} or {@code input_json_delta}) and {@code content_block_stop}, with a {@code ping}
 * after the first block opens, then {@code message_delta} (stop reason, output tokens) and {@code message_stop}.
 * Each event is {@code event: <type>\ndata: {…}\n\n}. A truncated stream stops after half its events; a malformed
 * one has an event halfway whose data is not JSON. Not thread-safe: one instance writes one body.
 */
final class MessagesStream {

  private final List<String> events = new ArrayList<>();

  private MessagesStream() {}

  /** The whole {@code text/event-stream} body. */
  static String body(AnthropicMessage message) {
    return new MessagesStream().write(message);
  }

  private String write(AnthropicMessage message) {
    ObjectNode start = JSON.objectNode();
    start.set("message", message.header(null, message.usage(1)));
    event("message_start", start);
    if (message.calls().isEmpty()) {
      textBlock(message.text());
    }
    List<Reply.Call> calls = message.calls();
    for (int i = 0; i < calls.size(); i++) {
      toolUseBlock(i, calls.get(i));
    }
    ObjectNode delta = JSON.objectNode();
    delta.putObject("delta").put("stop_reason", message.stopReason()).putNull("stop_sequence");
    delta.putObject("usage").put("output_tokens", message.outputTokens());
    event("message_delta", delta);
    event("message_stop", JSON.objectNode());
    return message.wire().stream(
        events,
        "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\n\n");
  }

  private void textBlock(String text) {
    ObjectNode block = JSON.objectNode().put("type", "text").put("text", "");
    open(0, block);
    for (String piece : Tokens.pieces(text)) {
      delta(0, JSON.objectNode().put("type", "text_delta").put("text", piece));
    }
    close(0);
  }

  private void toolUseBlock(int index, Reply.Call call) {
    open(index, AnthropicMessage.toolUse(call, JSON.objectNode()));
    delta(index, JSON.objectNode().put("type", "input_json_delta").put("partial_json", ""));
    String json = AnthropicMessage.partialJson(call.arguments());
    int half = json.length() / 2;
    delta(
        index,
        JSON.objectNode()
            .put("type", "input_json_delta")
            .put("partial_json", json.substring(0, half)));
    delta(
        index,
        JSON.objectNode()
            .put("type", "input_json_delta")
            .put("partial_json", json.substring(half)));
    close(index);
  }

  private void open(int index, ObjectNode block) {
    ObjectNode start = JSON.objectNode().put("index", index);
    start.set("content_block", block);
    event("content_block_start", start);
    if (index == 0) {
      event("ping", JSON.objectNode());
    }
  }

  private void delta(int index, ObjectNode delta) {
    ObjectNode event = JSON.objectNode().put("index", index);
    event.set("delta", delta);
    event("content_block_delta", event);
  }

  private void close(int index) {
    event("content_block_stop", JSON.objectNode().put("index", index));
  }

  private void event(String type, ObjectNode data) {
    ObjectNode typed = JSON.objectNode().put("type", type);
    typed.setAll(data);
    events.add("event: " + type + "\ndata: " + typed + "\n\n");
  }
}
