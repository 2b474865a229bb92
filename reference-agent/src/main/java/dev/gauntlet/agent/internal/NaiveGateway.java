package dev.gauntlet.agent.internal;

/**
 * One attempt on the primary provider, nothing else: any failure fails the task.
 * Thread-safe.
 */
public final class NaiveGateway implements LlmGateway {
  private final LlmProvider primary;

  public NaiveGateway(LlmProvider primary) {
    this.primary = primary;
  }

  @Override
  public ModelTurn complete(ChatRequest request) {
    try {
      return primary.complete(request);
    } catch (RuntimeException e) {
      if (!ProviderErrors.isProviderFailure(e)) {
        throw e;
      }
      throw new ProviderFailedException("provider primary " + ProviderErrors.describe(e), e);
    }
  }

  @Override
  public void close() {
    primary.close();
  }
}
