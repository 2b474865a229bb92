package dev.gauntlet.agent.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.models.chat.completions.ChatCompletionAssistantMessageParam;
import com.openai.models.chat.completions.ChatCompletionMessageParam;
import com.openai.models.chat.completions.ChatCompletionUserMessageParam;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * One remembered turn of a task's conversation: what the user asked, or what the agent answered.
 * Stored as {@code {"role":"user"|"assistant","content":…}}. Immutable and thread-safe.
 *
 * @param role    {@code user} or {@code assistant}
 * @param content the text of the turn
 */
public record MemoryTurn(String role, String content) {
  public MemoryTurn {
    Objects.requireNonNull(content, "content");
    if (!"user".equals(role) && !"assistant".equals(role)) {
      throw new IllegalArgumentException("role must be user or assistant, but was " + role);
    }
  }

  public static MemoryTurn user(String content) {
    return new MemoryTurn("user", content);
  }

  public static MemoryTurn assistant(String content) {
    return new MemoryTurn("assistant", content);
  }

  /** Reads a stored turn; empty when the text is not one, so that a stranger's entry cannot fail a task. */
  public static Optional<MemoryTurn> parse(String json) {
    try {
      JsonNode node = Json.MAPPER.readTree(json);
      if (node == null || !node.path("content").isTextual()) {
        return Optional.empty();
      }
      return Optional.of(new MemoryTurn(node.path("role").asText(), node.path("content").asText()));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  public String toJson() {
    return Json.object().put("role", role).put("content", content).toString();
  }

  /** The turn as a message for the model. */
  public ChatCompletionMessageParam toMessage() {
    return "user".equals(role)
        ? ChatCompletionMessageParam.ofUser(
            ChatCompletionUserMessageParam.builder().content(content).build())
        : ChatCompletionMessageParam.ofAssistant(
            ChatCompletionAssistantMessageParam.builder().content(content).build());
  }
}
