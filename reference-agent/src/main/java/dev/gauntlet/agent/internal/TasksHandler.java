package dev.gauntlet.agent.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code POST /v1/tasks}: runs one task and answers 200 with the result, 400 for a malformed
 * request, 422 for a hit limit, 502 for a provider failure or a Redis failure the agent does not
 * degrade from, 500 for anything else. Logs one line per failed task, nothing per success.
 * Thread-safe.
 */
public final class TasksHandler implements HttpHandler {
  private final TaskService runner;
  private final PrintStream log;
  private final AtomicLong generatedIds = new AtomicLong();

  public TasksHandler(TaskService runner, PrintStream log) {
    this.runner = runner;
    this.log = log;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (!"/v1/tasks".equals(exchange.getRequestURI().getPath())) {
        Exchanges.sendError(exchange, 404, "no such path " + exchange.getRequestURI().getPath());
      } else if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "POST");
        Exchanges.sendError(exchange, 405, "method must be POST, but was " + exchange.getRequestMethod());
      } else {
        answer(exchange, body);
      }
    }
  }

  private void answer(HttpExchange exchange, byte[] body) throws IOException {
    TaskRequest task;
    try {
      Optional<String> header = Optional.ofNullable(exchange.getRequestHeaders().getFirst(ToolClient.TASK_HEADER));
      task = TaskRequest.parse(body, header, "task-" + generatedIds.incrementAndGet());
    } catch (IllegalArgumentException e) {
      Exchanges.sendError(exchange, 400, e.getMessage());
      return;
    }
    try {
      Exchanges.send(exchange, 200, runner.run(task.taskId(), task.input()).toJson());
    } catch (TaskLimitException e) {
      fail(exchange, task, 422, e.getMessage());
    } catch (ProviderFailedException | StoreFailedException e) {
      fail(exchange, task, 502, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail(exchange, task, 500, "interrupted");
    } catch (RuntimeException e) {
      fail(exchange, task, 500, describe(e));
    }
  }

  private static String describe(Throwable error) {
    String text = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    Throwable cause = error.getCause();
    return cause == null ? text : text + ": " + cause.getClass().getSimpleName()
        + (cause.getMessage() == null ? "" : " " + cause.getMessage());
  }

  private void fail(HttpExchange exchange, TaskRequest task, int status, String message) throws IOException {
    log.println("task " + task.taskId() + " failed with " + status + ": " + message);
    Exchanges.send(exchange, status, Json.object().put("task_id", task.taskId()).put("error", message));
  }
}
