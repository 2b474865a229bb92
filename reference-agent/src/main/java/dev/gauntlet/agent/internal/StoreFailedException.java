package dev.gauntlet.agent.internal;

/** Redis failed a memory or cache call; in naive mode the task answers 502 with this message. */
public final class StoreFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
