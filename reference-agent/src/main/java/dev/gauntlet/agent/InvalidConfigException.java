package dev.gauntlet.agent;

/**
 * An environment variable of the reference agent has a value it cannot use. The message is one
 * line of the form "{@code AGENT_PORT must be an integer in [0, 65535], but was x}".
 *
 * <p>Immutable and thread-safe.
 */
public final class InvalidConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** @param message one line naming the variable, what it must be and what it was */
  public InvalidConfigException(String message) {
    super(message);
  }
}
