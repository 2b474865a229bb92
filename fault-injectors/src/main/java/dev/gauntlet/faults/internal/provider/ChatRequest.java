package dev.gauntlet.faults.internal.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gauntlet.faults.internal.Tokens;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of an OpenAI Chat Completions request that the scripted model reads. Immutable.
 *
 * @param model        the model asked for, null when absent
 * @param stream       whether the answer is to be streamed as server-sent events
 * @param includeUsage whether a streamed answer ends with a usage chunk ({@code stream_options.include_usage})
 * @param messages     the conversation so far
 */
public record ChatRequest(
    String model, boolean stream, boolean includeUsage, List<Message> messages) {

  public ChatRequest {
    messages = List.copyOf(messages);
  }

  /** One message; {@code content} is the text of all its text parts, empty when it has none. */
  public record Message(
      String role, String content, List<ToolCallMade> toolCalls, String toolCallId) {}

  /** A tool call an assistant message made. */
  public record ToolCallMade(String id, String name, String arguments) {}

  /** Reads a request body; missing fields read as empty. */
  public static ChatRequest from(JsonNode body) {
    List<Message> messages = new ArrayList<>();
    body.path("messages").forEach(m -> messages.add(message(m)));
    return new ChatRequest(
        body.hasNonNull("model") ? body.get("model").asText() : null,
        body.path("stream").asBoolean(false),
        body.path("stream_options").path("include_usage").asBoolean(false),
        messages);
  }

  private static Message message(JsonNode m) {
    List<ToolCallMade> calls = new ArrayList<>();
    m.path("tool_calls")
        .forEach(
            c ->
                calls.add(
                    new ToolCallMade(
                        c.path("id").asText(),
                        c.path("function").path("name").asText(),
                        c.path("function").path("arguments").asText(""))));
    return new Message(
        m.path("role").asText(),
        text(m.path("content")),
        calls,
        m.hasNonNull("tool_call_id") ? m.get("tool_call_id").asText() : null);
  }

  private static String text(JsonNode content) {
    if (content.isTextual()) {
      return content.asText();
    }
    StringBuilder text = new StringBuilder();
    content.forEach(part -> text.append(part.path("text").asText("")));
    return text.toString();
  }

  /** Content of the first {@code user} message, or null when there is none. */
  public String firstUserContent() {
    return messages.stream()
        .filter(m -> m.role().equals("user"))
        .findFirst()
        .map(Message::content)
        .orElse(null);
  }

  /** How many turns the model has taken so far: the number of {@code assistant} messages. */
  public int assistantTurns() {
    return (int) messages.stream().filter(m -> m.role().equals("assistant")).count();
  }

  /** Prompt tokens: every message's text and tool calls, with OpenAI's per-message overhead. */
  public long promptTokens() {
    long total = Tokens.REPLY_PRIMER;
    for (Message m : messages) {
      total += Tokens.PER_MESSAGE + Tokens.count(m.content());
      for (ToolCallMade call : m.toolCalls()) {
        total += Tokens.count(call.name()) + Tokens.count(call.arguments());
      }
    }
    return total;
  }
}
