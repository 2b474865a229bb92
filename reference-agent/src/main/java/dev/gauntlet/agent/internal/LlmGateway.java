package dev.gauntlet.agent.internal;

/**
 * Gets one model turn, applying the agent's provider policy (retries, breaker, fallback, or
 * none). Implementations are thread-safe and shared by all tasks.
 */
public interface LlmGateway extends AutoCloseable {

  /** @throws ProviderFailedException when no provider produced a usable answer */
  ModelTurn complete(ChatRequest request);

  @Override
  void close();
}
