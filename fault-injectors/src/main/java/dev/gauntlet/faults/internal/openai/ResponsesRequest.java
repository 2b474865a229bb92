package dev.gauntlet.faults.internal.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.gauntlet.faults.internal.Tokens;
import dev.gauntlet.faults.internal.provider.Ask;
import dev.gauntlet.faults.internal.provider.ChatRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of an OpenAI Responses request the scripted model reads, with {@code input} recast as Chat Completions
 * messages: consecutive {@code function_call} items (and an assistant message just before them) make one assistant
 * turn, as one response's output does, and {@code function_call_output} items become {@code tool} messages.
 * {@code previous_response_id} is not followed: the input must carry the whole conversation. Immutable.
 *
 * @param model        the model asked for, null when absent
 * @param stream       whether the answer is streamed as server-sent events
 * @param instructions the instructions, empty when none
 * @param tools        the request's {@code tools}, echoed in the response
 * @param conversation the input, recast
 * @param wantsJson    whether {@code text.format} asks for JSON ({@code json_object} or {@code json_schema})
 */
record ResponsesRequest(
    String model,
    boolean stream,
    String instructions,
    JsonNode tools,
    ChatRequest conversation,
    boolean wantsJson) {

  static ResponsesRequest from(JsonNode body) {
    String model = body.hasNonNull("model") ? body.get("model").asText() : null;
    boolean stream = body.path("stream").asBoolean(false);
    JsonNode tools =
        body.path("tools").isArray() ? body.get("tools") : JsonNodeFactory.instance.arrayNode();
    return new ResponsesRequest(
        model,
        stream,
        body.path("instructions").asText(""),
        tools,
        new ChatRequest(model, stream, false, recast(body.path("input"))),
        Ask.isJson(body.path("text").path("format").path("type")));
  }

  /** The call, wire-neutral: function tools are {@code {"type": "function", "name", "parameters"}}. */
  Ask ask() {
    return new Ask(
        model,
        conversation,
        Ask.tools(tools, tool -> tool, "parameters"),
        wantsJson,
        inputTokens());
  }

  /** Input tokens: the conversation as Chat Completions counts it, plus the instructions. */
  long inputTokens() {
    return conversation.promptTokens() + Tokens.count(instructions);
  }

  private static List<ChatRequest.Message> recast(JsonNode input) {
    List<ChatRequest.Message> out = new ArrayList<>();
    if (input.isTextual()) {
      out.add(new ChatRequest.Message("user", input.asText(), List.of(), null));
      return out;
    }
    Turn turn = null;
    for (JsonNode item : input) {
      String type = item.path("type").asText("message");
      boolean assistantSide =
          type.equals("function_call")
              || type.equals("message") && item.path("role").asText().equals("assistant");
      if (assistantSide) {
        turn = turn == null ? new Turn() : turn;
        turn.add(type, item);
        continue;
      }
      if (turn != null) {
        out.add(turn.message());
        turn = null;
      }
      if (type.equals("function_call_output")) {
        out.add(
            new ChatRequest.Message(
                "tool", text(item.path("output")), List.of(), item.path("call_id").asText()));
      } else if (type.equals("message")) {
        out.add(
            new ChatRequest.Message(
                item.path("role").asText(), text(item.path("content")), List.of(), null));
      }
    }
    if (turn != null) {
      out.add(turn.message());
    }
    return out;
  }

  /** One assistant turn being gathered from consecutive output items. */
  private static final class Turn {
    private final StringBuilder text = new StringBuilder();
    private final List<ChatRequest.ToolCallMade> calls = new ArrayList<>();

    void add(String type, JsonNode item) {
      if (type.equals("function_call")) {
        calls.add(
            new ChatRequest.ToolCallMade(
                item.path("call_id").asText(),
                item.path("name").asText(),
                item.path("arguments").asText("")));
      } else {
        text.append(text(item.path("content")));
      }
    }

    ChatRequest.Message message() {
      return new ChatRequest.Message("assistant", text.toString(), calls, null);
    }
  }

  /** A string, or the text of the parts ({@code input_text}, {@code output_text}) of a content list. */
  private static String text(JsonNode content) {
    if (content.isTextual()) {
      return content.asText();
    }
    StringBuilder text = new StringBuilder();
    content.forEach(part -> text.append(part.path("text").asText("")));
    return text.toString();
  }
}
