package dev.gauntlet.agent.internal;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
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
    OpenAIOkHttpClient.Builder builder = OpenAIOkHttpClient.builder()
        .baseUrl(config.baseUrl())
        .apiKey(config.apiKey())
        .maxRetries(0);
    timeout.ifPresent(builder::timeout);
    this.client = builder.build();
  }

  public String name() {
    return name;
  }

  /** Sends one Chat Completions request; SDK exceptions pass through untouched. */
  public ModelTurn complete(ChatRequest request) {
    request.meter().countLlmCall();
    ChatCompletionCreateParams.Builder params = ChatCompletionCreateParams.builder()
        .model(model)
        .messages(request.messages())
        .putAdditionalHeader(ToolClient.TASK_HEADER, request.taskId());
    if (!request.tools().isEmpty()) {
      params.tools(request.tools());
    }
    return ModelTurn.from(client.chat().completions().create(params.build()), name);
  }

  @Override
  public void close() {
    client.close();
  }
}
