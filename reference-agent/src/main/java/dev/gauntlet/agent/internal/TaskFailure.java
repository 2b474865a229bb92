package dev.gauntlet.agent.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Why a task failed, as the HTTP status a synchronous call answers with: 422 for a hit limit, 502 for a provider
 * failure or a Redis failure the agent does not degrade from, 500 for anything else. The asynchronous and streaming
 * protocols report the same status as {@code code}. Immutable and thread-safe.
 *
 * @param status  the HTTP status
 * @param message what went wrong, for the answer and the log
 */
public record TaskFailure(int status, String message) {

  /** Classifies what {@link TaskService#run} threw; restores the interrupt flag when it was an interruption. */
  public static TaskFailure of(Exception error) {
    if (error instanceof TaskLimitException) {
      return new TaskFailure(422, error.getMessage());
    }
    if (error instanceof ProviderFailedException || error instanceof StoreFailedException) {
      return new TaskFailure(502, error.getMessage());
    }
    if (error instanceof InterruptedException) {
      Thread.currentThread().interrupt();
      return new TaskFailure(500, "interrupted");
    }
    return new TaskFailure(500, describe(error));
  }

  /** {@code {"task_id", "error"}}: the body of a failed synchronous call. */
  public ObjectNode toJson(String taskId) {
    return Json.object().put("task_id", taskId).put("error", message);
  }

  /** {@code {"task_id", "error", "code"}}: how the other protocols tell it. */
  public ObjectNode toJsonWithCode(String taskId) {
    return toJson(taskId).put("code", status);
  }

  private static String describe(Throwable error) {
    String text =
        error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    Throwable cause = error.getCause();
    return cause == null
        ? text
        : text
            + ": "
            + cause.getClass().getSimpleName()
            + (cause.getMessage() == null ? "" : " " + cause.getMessage());
  }
}
