package dev.gauntlet.faults.internal.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the JSON payloads of a {@code text/event-stream} body, as an upstream sent it. Stateless. */
public final class EventStream {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private EventStream() {}

  /**
   * The {@code data:} payload of each event, in order, up to OpenAI's {@code [DONE]}; empty when one of them is not
   * a JSON object. Events split over several {@code data:} lines are joined as the SSE spec says.
   */
  public static Optional<List<JsonNode>> payloads(String body) {
    List<JsonNode> out = new ArrayList<>();
    for (String event : body.split("\r?\n\r?\n")) {
      StringBuilder data = new StringBuilder();
      for (String line : event.split("\r?\n")) {
        if (line.startsWith("data:")) {
          data.append(data.length() == 0 ? "" : "\n").append(line.substring(5).stripLeading());
        }
      }
      if (data.toString().equals("[DONE]")) {
        break;
      }
      if (data.length() > 0) {
        Optional<JsonNode> json = object(data.toString());
        if (json.isEmpty()) {
          return Optional.empty();
        }
        out.add(json.get());
      }
    }
    return Optional.of(out);
  }

  /** {@code text} as a JSON object, or empty when it is not one. */
  public static Optional<JsonNode> object(String text) {
    try {
      JsonNode node = MAPPER.readTree(text);
      return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
    } catch (IOException notJson) {
      return Optional.empty();
    }
  }
}
