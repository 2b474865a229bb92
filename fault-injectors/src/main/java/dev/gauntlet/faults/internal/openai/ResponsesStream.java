package dev.gauntlet.faults.internal.openai;

import static dev.gauntlet.faults.internal.openai.ScriptedResponse.JSON;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gauntlet.faults.internal.Tokens;
import java.util.ArrayList;
import java.util.List;

/**
 * A response as the Responses API streams it: {@code response.created}, {@code response.in_progress}, then per
 * output item {@code response.output_item.added}, its content ({@code response.content_part.added},
 * {@code response.output_text.delta}…, {@code response.output_text.done}, {@code response.content_part.done}; for a
 * refusal {@code response.refusal.delta}… and {@code response.refusal.done}) or its arguments
 * ({@code response.function_call_arguments.delta}, {@code .done}), {@code response.output_item.done}, and finally
 * {@code response.completed}, or {@code response.incomplete} for a cut turn. Each event is
 * {@code event: <type>\ndata: {…, "sequence_number": n}\n\n}. A truncated stream stops after half its events; a
 * malformed one has an event halfway whose data is not JSON. Not thread-safe: one instance writes one body.
 */
final class ResponsesStream {

  private final ScriptedResponse response;
  private final List<String> events = new ArrayList<>();
  private int sequence;

  private ResponsesStream(ScriptedResponse response) {
    this.response = response;
  }

  /** The whole {@code text/event-stream} body. */
  static String body(ScriptedResponse response) {
    return new ResponsesStream(response).write();
  }

  private String write() {
    event("response.created", JSON.objectNode().set("response", response.response(false)));
    event("response.in_progress", JSON.objectNode().set("response", response.response(false)));
    if (response.calls().isEmpty()) {
      message();
    }
    for (int i = 0; i < response.calls().size(); i++) {
      functionCall(i);
    }
    event(
        "response." + response.finalStatus(),
        JSON.objectNode().set("response", response.response(true)));
    return response.wire().stream(
        events,
        "event: response.output_text.delta\ndata: {\"type\":\"response.output_text.delta\",\"delta\n\n");
  }

  private void message() {
    itemEvent("response.output_item.added", 0, response.message(false));
    String itemId = response.messageId();
    String kind = response.wire().refusal() ? "refusal" : "output_text";
    String field = response.wire().refusal() ? "refusal" : "text";
    event("response.content_part.added", part(itemId).set("part", response.part("")));
    for (String piece : Tokens.pieces(response.text())) {
      ObjectNode delta = part(itemId).put("delta", piece);
      if (!response.wire().refusal()) {
        delta.putArray("logprobs");
      }
      event("response." + kind + ".delta", delta);
    }
    ObjectNode done = part(itemId).put(field, response.text());
    if (!response.wire().refusal()) {
      done.putArray("logprobs");
    }
    event("response." + kind + ".done", done);
    event("response.content_part.done", part(itemId).set("part", response.part(response.text())));
    itemEvent("response.output_item.done", 0, response.message(true));
  }

  private void functionCall(int index) {
    itemEvent("response.output_item.added", index, response.functionCall(index, false));
    String arguments = response.calls().get(index).arguments();
    ObjectNode delta =
        JSON.objectNode()
            .put("item_id", response.callItemId(index))
            .put("output_index", index)
            .put("delta", arguments);
    event("response.function_call_arguments.delta", delta);
    ObjectNode done =
        JSON.objectNode()
            .put("item_id", response.callItemId(index))
            .put("output_index", index)
            .put("name", response.calls().get(index).name())
            .put("arguments", arguments);
    event("response.function_call_arguments.done", done);
    itemEvent("response.output_item.done", index, response.functionCall(index, true));
  }

  private static ObjectNode part(String itemId) {
    return JSON.objectNode().put("item_id", itemId).put("output_index", 0).put("content_index", 0);
  }

  private void itemEvent(String type, int index, ObjectNode item) {
    ObjectNode event = JSON.objectNode().put("output_index", index);
    event.set("item", item);
    event(type, event);
  }

  private void event(String type, ObjectNode data) {
    ObjectNode typed = JSON.objectNode().put("type", type);
    typed.setAll(data);
    typed.put("sequence_number", sequence++);
    events.add("event: " + type + "\ndata: " + typed + "\n\n");
  }
}
