package dev.gauntlet.agent.internal;

/** The LLM provider (and the fallback, if any) failed; the task answers 502. */
public final class ProviderFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ProviderFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
