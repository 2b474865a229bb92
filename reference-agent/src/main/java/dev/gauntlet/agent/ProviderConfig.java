package dev.gauntlet.agent;

import java.util.Objects;

/**
 * One OpenAI-compatible LLM provider: where it is, the key to send and the model to ask for.
 *
 * <p>Immutable and thread-safe.
 *
 * @param baseUrl the API base, such as {@code http://127.0.0.1:41234/providers/primary/v1}
 * @param apiKey  the bearer key sent to the provider
 * @param model   the model name put in each request
 */
public record ProviderConfig(String baseUrl, String apiKey, String model) {
  public ProviderConfig {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(model, "model");
  }
}
