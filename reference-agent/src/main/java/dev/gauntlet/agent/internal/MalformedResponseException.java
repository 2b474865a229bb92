package dev.gauntlet.agent.internal;

/** A provider answered 2xx with a body the agent cannot use. Counts as a provider failure. */
public final class MalformedResponseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MalformedResponseException(String message) {
    super(message);
  }
}
