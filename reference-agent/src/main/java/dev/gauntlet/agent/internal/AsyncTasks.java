package dev.gauntlet.agent.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * Tasks submitted with {@code "async": true}: each runs on the agent's task pool while its state waits to be polled.
 * A state is {@code {"task_id", "status": "running"}}, then {@code "done"} with the synchronous answer's fields, or
 * {@code "failed"} with {@code error} and {@code code} (the status a synchronous call would have answered). States
 * are kept for {@link #RETENTION} after their last change, at most {@link #CAPACITY} of them, the least recently
 * read going first. Thread-safe.
 */
public final class AsyncTasks {
  static final Duration RETENTION = Duration.ofMinutes(10);
  static final int CAPACITY = 100_000;

  private final TaskService service;
  private final ExecutorService pool;
  private final PrintStream log;
  private final ExpiringMap<ObjectNode> states;

  public AsyncTasks(TaskService service, ExecutorService pool, PrintStream log, Clock clock) {
    this.service = service;
    this.pool = pool;
    this.log = log;
    this.states = new ExpiringMap<>(CAPACITY, RETENTION, clock);
  }

  /**
   * Starts the task unless one with its id is still running.
   *
   * @return its running state, or empty when a task with that id is running already
   */
  public synchronized Optional<ObjectNode> submit(TaskRequest task) {
    if (states
        .get(task.taskId())
        .filter(state -> "running".equals(state.path("status").asText()))
        .isPresent()) {
      return Optional.empty();
    }
    ObjectNode running = Json.object().put("task_id", task.taskId()).put("status", "running");
    states.put(task.taskId(), running);
    try {
      pool.execute(() -> run(task));
    } catch (RejectedExecutionException shuttingDown) {
      states.put(task.taskId(), failed(task, new TaskFailure(503, "the agent is shutting down")));
    }
    return Optional.of(running);
  }

  /** The task's state, or empty when no task has that id or its result expired. */
  public Optional<ObjectNode> state(String taskId) {
    return states.get(taskId);
  }

  private void run(TaskRequest task) {
    ObjectNode state;
    try {
      state =
          Json.object()
              .put("status", "done")
              .setAll(service.run(task.taskId(), task.input()).toJson());
    } catch (Exception e) {
      TaskFailure failure = TaskFailure.of(e);
      log.println(
          "task " + task.taskId() + " failed with " + failure.status() + ": " + failure.message());
      state = failed(task, failure);
    }
    states.put(task.taskId(), state);
  }

  private static ObjectNode failed(TaskRequest task, TaskFailure failure) {
    return Json.object().put("status", "failed").setAll(failure.toJsonWithCode(task.taskId()));
  }
}
