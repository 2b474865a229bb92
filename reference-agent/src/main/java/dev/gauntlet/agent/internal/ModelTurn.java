package dev.gauntlet.agent.internal;

import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionAssistantMessageParam;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.completions.CompletionUsage;
import java.util.List;
import java.util.Optional;

/**
 * One answer of the model, already read out of the SDK's lazily validated response.
 * Immutable and thread-safe.
 *
 * @param assistantMessage the answer as a message to send back in the next request
 * @param content          the answer's text, empty when there is none
 * @param toolCalls        the tool calls it asks for, empty for a final answer
 * @param inputTokens      prompt tokens the provider reported, 0 when it did not
 * @param outputTokens     completion tokens the provider reported, 0 when it did not
 * @param provider         which provider answered: {@code primary} or {@code fallback}
 * @param finishReason     the choice's {@code finish_reason} as sent, such as {@code stop} or {@code length}
 * @param refusal          the model's refusal, empty when it did not refuse
 */
public record ModelTurn(
    ChatCompletionAssistantMessageParam assistantMessage,
    String content,
    List<RequestedToolCall> toolCalls,
    long inputTokens,
    long outputTokens,
    String provider,
    String finishReason,
    Optional<String> refusal) {

  /** Reads every field now, so that a malformed response fails here, inside the retry. */
  public static ModelTurn from(ChatCompletion completion, String provider) {
    if (completion.choices().isEmpty()) {
      throw new MalformedResponseException("provider " + provider + " answered with no choices");
    }
    ChatCompletion.Choice choice = completion.choices().get(0);
    ChatCompletionMessage message = choice.message();
    List<RequestedToolCall> calls =
        message.toolCalls().orElse(List.of()).stream()
            .filter(ChatCompletionMessageToolCall::isFunction)
            .map(call -> toolCall(call.asFunction()))
            .toList();
    CompletionUsage usage = completion.usage().orElse(null);
    return new ModelTurn(
        message.toParam(),
        message.content().orElse(""),
        calls,
        usage == null ? 0 : usage.promptTokens(),
        usage == null ? 0 : usage.completionTokens(),
        provider,
        choice.finishReason().asString(),
        message.refusal());
  }

  public boolean isFinal() {
    return toolCalls.isEmpty();
  }

  /** A final answer the model finished normally ({@code stop}), with text and no refusal: one worth caching. */
  public boolean isCompleteAnswer() {
    return isFinal() && "stop".equals(finishReason) && refusal.isEmpty() && !content.isBlank();
  }

  public long totalTokens() {
    return inputTokens + outputTokens;
  }

  private static RequestedToolCall toolCall(ChatCompletionMessageFunctionToolCall call) {
    return new RequestedToolCall(call.id(), call.function().name(), call.function().arguments());
  }
}
