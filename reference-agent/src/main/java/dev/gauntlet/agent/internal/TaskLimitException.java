package dev.gauntlet.agent.internal;

/** A task hit the step limit or the token budget; the task answers 422. */
public final class TaskLimitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TaskLimitException(String message) {
    super(message, null, false, false);
  }
}
