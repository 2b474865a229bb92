package dev.gauntlet.faults.internal.provider;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What one model call asks, read from whichever wire format it came in: the model, the conversation recast as Chat
 * Completions messages, the function tools offered, whether a JSON answer is wanted, and its input tokens as that
 * format counts them. Immutable.
 *
 * @param model        the model asked for (or the provider's default)
 * @param conversation the messages so far
 * @param tools        the function tools offered, in request order
 * @param wantsJson    whether the answer must be JSON (JSON mode or a JSON schema)
 * @param inputTokens  prompt tokens
 */
public record Ask(
    String model,
    ChatRequest conversation,
    List<ChatCall.Tool> tools,
    boolean wantsJson,
    long inputTokens) {

  public Ask {
    tools = List.copyOf(tools);
  }

  /**
   * The function tools in a request's {@code tools} array; {@code function} picks the object that holds a tool's
   * name (the tool itself, or its {@code function} member), {@code schema} the name of its parameters member.
   */
  public static List<ChatCall.Tool> tools(
      JsonNode tools, Function<JsonNode, JsonNode> function, String schema) {
    List<ChatCall.Tool> out = new ArrayList<>();
    for (JsonNode tool : tools) {
      JsonNode named = function.apply(tool);
      if (named.hasNonNull("name")) {
        out.add(new ChatCall.Tool(named.get("name").asText(), named.path(schema)));
      }
    }
    return out;
  }

  /** Whether a {@code type} of a response format asks for JSON. */
  public static boolean isJson(JsonNode formatType) {
    String type = formatType.asText("");
    return type.equals("json_object") || type.equals("json_schema");
  }
}
