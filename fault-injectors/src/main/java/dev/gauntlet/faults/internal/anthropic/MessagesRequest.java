package dev.gauntlet.faults.internal.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.gauntlet.faults.internal.Tokens;
import dev.gauntlet.faults.internal.provider.Ask;
import dev.gauntlet.faults.internal.provider.ChatCall;
import dev.gauntlet.faults.internal.provider.ChatRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parts of an Anthropic Messages request the scripted model reads, with the conversation recast as Chat
 * Completions messages so that item matching, script steps and tool results work as for OpenAI: {@code tool_use}
 * blocks become the assistant's tool calls and {@code tool_result} blocks {@code tool} messages. Immutable.
 *
 * @param model        the model asked for, null when absent
 * @param maxTokens    {@code max_tokens}, null when absent
 * @param stream       whether the answer is streamed as server-sent events
 * @param system       the system prompt's text, empty when none
 * @param conversation the messages, recast
 * @param tools        the custom tools offered ({@code name}, {@code input_schema})
 */
record MessagesRequest(
    String model,
    Long maxTokens,
    boolean stream,
    String system,
    ChatRequest conversation,
    List<ChatCall.Tool> tools) {

  static MessagesRequest from(JsonNode body) {
    List<ChatRequest.Message> messages = new ArrayList<>();
    body.path("messages").forEach(m -> recast(m, messages));
    String model = body.hasNonNull("model") ? body.get("model").asText() : null;
    Long maxTokens =
        body.path("max_tokens").canConvertToLong() ? body.get("max_tokens").asLong() : null;
    boolean stream = body.path("stream").asBoolean(false);
    return new MessagesRequest(
        model,
        maxTokens,
        stream,
        text(body.path("system")),
        new ChatRequest(model, stream, false, messages),
        Ask.tools(body.path("tools"), tool -> tool, "input_schema"));
  }

  /** The call, wire-neutral; Anthropic has no JSON mode, so a JSON answer is never asked for. */
  Ask ask() {
    return new Ask(model, conversation, tools, false, inputTokens());
  }

  /** What Anthropic would reject the request for, in its own words; empty when it is acceptable. */
  static Optional<String> problem(JsonNode body) {
    for (String field : List.of("model", "max_tokens", "messages")) {
      if (!body.hasNonNull(field)) {
        return Optional.of(field + ": Field required");
      }
    }
    if (!body.get("messages").isArray() || body.get("messages").isEmpty()) {
      return Optional.of("messages: at least one message is required");
    }
    return Optional.empty();
  }

  /** Input tokens: the conversation as OpenAI counts it, plus the system prompt. */
  long inputTokens() {
    return conversation.promptTokens() + Tokens.count(system);
  }

  private static void recast(JsonNode message, List<ChatRequest.Message> out) {
    String role = message.path("role").asText();
    JsonNode content = message.path("content");
    List<ChatRequest.ToolCallMade> calls = new ArrayList<>();
    int results = 0;
    for (JsonNode block : content) {
      String type = block.path("type").asText();
      if (type.equals("tool_use")) {
        calls.add(
            new ChatRequest.ToolCallMade(
                block.path("id").asText(),
                block.path("name").asText(),
                block.path("input").toString()));
      } else if (type.equals("tool_result")) {
        out.add(
            new ChatRequest.Message(
                "tool", toolResult(block), List.of(), block.path("tool_use_id").asText()));
        results++;
      }
    }
    String text = text(content);
    if (role.equals("assistant") || !text.isEmpty() || results == 0) {
      out.add(new ChatRequest.Message(role, text, calls, null));
    }
  }

  /** A result flagged {@code is_error} reads as {@code {"error": …}}, which counts as no result. */
  private static String toolResult(JsonNode block) {
    String text = text(block.path("content"));
    if (block.path("is_error").asBoolean(false)) {
      return JsonNodeFactory.instance.objectNode().put("error", text).toString();
    }
    return text;
  }

  /** A string, or the text of the {@code text} blocks of a block list. */
  private static String text(JsonNode content) {
    if (content.isTextual()) {
      return content.asText();
    }
    StringBuilder text = new StringBuilder();
    content.forEach(
        block -> {
          if (block.path("type").asText().equals("text")) {
            text.append(block.path("text").asText(""));
          }
        });
    return text.toString();
  }
}
