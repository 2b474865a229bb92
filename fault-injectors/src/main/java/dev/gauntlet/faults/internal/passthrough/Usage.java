package dev.gauntlet.faults.internal.passthrough;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gauntlet.faults.internal.Tokens;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The tokens of one forwarded call: the upstream's own {@code usage} when it sends one (OpenAI Chat Completions and
 * Responses, Anthropic Messages, streamed or not), else counted with {@link Tokens} from the request's and the
 * answer's text. Stateless.
 *
 * @param input  prompt tokens
 * @param output completion tokens
 */
public record Usage(long input, long output) {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The prompt tokens of a request body, counted: every string in its messages, input, system and tools. */
  public static long counted(JsonNode request) {
    StringBuilder text = new StringBuilder();
    for (String field : List.of("messages", "input", "system", "instructions", "tools")) {
      strings(request.path(field), text);
    }
    return Tokens.count(text.toString());
  }

  /** The usage of {@code exchange}, whose request body was {@code request}. */
  public static Usage of(JsonNode request, UpstreamExchange exchange) {
    List<JsonNode> payloads = payloads(exchange);
    long in = 0;
    long out = 0;
    StringBuilder said = new StringBuilder();
    for (JsonNode p : payloads) {
      for (JsonNode usage :
          List.of(
              p.path("usage"), p.path("response").path("usage"), p.path("message").path("usage"))) {
        in = Math.max(in, usage.path("prompt_tokens").asLong(usage.path("input_tokens").asLong(0)));
        out =
            Math.max(
                out, usage.path("completion_tokens").asLong(usage.path("output_tokens").asLong(0)));
      }
      said(p, said);
    }
    return new Usage(in > 0 ? in : counted(request), out > 0 ? out : Tokens.count(said.toString()));
  }

  /** The JSON body, or each {@code data:} event of a stream. */
  private static List<JsonNode> payloads(UpstreamExchange exchange) {
    List<JsonNode> out = new ArrayList<>();
    if (!exchange.streamed()) {
      parse(exchange.responseBody(), out);
      return out;
    }
    for (String line : exchange.responseBody().split("\r?\n")) {
      if (line.startsWith("data:")) {
        parse(line.substring(5).trim(), out);
      }
    }
    return out;
  }

  private static void parse(String text, List<JsonNode> out) {
    try {
      JsonNode node = MAPPER.readTree(text);
      if (node != null && node.isObject()) {
        out.add(node);
      }
    } catch (IOException notJson) {
      // [DONE] and other non-JSON lines carry no usage
    }
  }

  /** The generated text in one payload, whatever the wire format. */
  private static void said(JsonNode p, StringBuilder out) {
    for (JsonNode choice : p.path("choices")) {
      strings(choice.path("message").path("content"), out);
      strings(choice.path("delta").path("content"), out);
      strings(choice.path("message").path("tool_calls"), out);
      strings(choice.path("delta").path("tool_calls"), out);
    }
    strings(p.path("content"), out);
    strings(p.path("delta").path("text"), out);
    strings(p.path("delta").path("partial_json"), out);
    if (p.path("type").asText().endsWith(".delta")) {
      strings(p.path("delta"), out);
    }
    strings(p.path("output"), out);
  }

  private static void strings(JsonNode node, StringBuilder out) {
    if (node.isTextual()) {
      out.append(node.asText()).append(' ');
    }
    node.forEach(child -> strings(child, out));
  }
}
