package dev.gauntlet.agent.internal;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import dev.gauntlet.agent.ProviderConfig;
import java.time.Duration;
import java.util.Optional;

/**
 * One OpenAI-compatible provider behind one shared SDK client, which pools its connections.
 * The SDK never retries ({@code maxRetries(0)}): retrying is the agent's own policy.
 * Thread-safe.
 */
public final class LlmProvider implements AutoCloseable {
  private final String name;
  private final String model;
  private final OpenAIClient client;

  /**
   * @param name    {@code primary} or {@code fallback}, reported back with each answer
   * @param timeout the timeout of one request, or empty for the SDK's default
   */
  public LlmProvider(String name, ProviderConfig config, Optional<Duration> timeout) {
    this.name = name;
    this.model = config.model();
    OpenAIOkHttpClient.Builder builder =
        OpenAIOkHttpClient.builder()
            .baseUrl(config.baseUrl())
            .apiKey(config.apiKey())
            .maxRetries(0);
    timeout.ifPresent(builder::timeout);
    this.client = builder.build();
  }

  public String name() {
    return name;
  }

  /**
   * Sends one Chat Completions request; SDK exceptions pass through untouched. When the request has a listener, the
   * answer is streamed ({@code stream: true}, with its usage) and each piece of text goes to the listener as it
   * arrives; a stream that ends before its {@code finish_reason} is a {@link MalformedResponseException}.
   */
  public ModelTurn complete(ChatRequest request) {
    request.meter().countLlmCall();
    ChatCompletionCreateParams.Builder params =
        ChatCompletionCreateParams.builder()
            .model(model)
            .messages(request.messages())
            .putAdditionalHeader(ToolClient.TASK_HEADER, request.taskId());
    if (!request.tools().isEmpty()) {
      params.tools(request.tools());
    }
    if (!request.tokens().streams()) {
      return ModelTurn.from(client.chat().completions().create(params.build()), name);
    }
    params.streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build());
    ChatCompletionAccumulator answer = ChatCompletionAccumulator.create();
    try (StreamResponse<ChatCompletionChunk> stream =
        client.chat().completions().createStreaming(params.build())) {
      stream.stream().forEach(chunk -> forward(answer.accumulate(chunk), request.tokens()));
      return ModelTurn.from(answer.chatCompletion(), name);
    } catch (IllegalStateException unfinished) {
      // The accumulator's word for a stream without its finish chunk, or with chunks after it.
      throw new MalformedResponseException(
          "provider " + name + " streamed an incomplete answer: " + unfinished.getMessage());
    }
  }

  private static void forward(ChatCompletionChunk chunk, TokenSink tokens) {
    for (ChatCompletionChunk.Choice choice : chunk.choices()) {
      choice.delta().content().filter(text -> !text.isEmpty()).ifPresent(tokens::token);
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
