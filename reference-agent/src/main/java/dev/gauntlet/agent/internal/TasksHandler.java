package dev.gauntlet.agent.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The task protocols. {@code POST /v1/tasks} runs one task and answers 200 with the result, or with the status of
 * its {@link TaskFailure}; with {@code "async": true} it answers 202 {@code {"task_id", "status_url"}} at once and
 * {@code GET /v1/tasks/{id}} tells the task's state ({@link AsyncTasks}); with {@code Accept: text/event-stream}
 * it streams the answer as server-sent events ({@link EventStreamSink}). A malformed request is 400 in every
 * protocol. Logs one line per failed task, nothing per success. Thread-safe.
 */
public final class TasksHandler implements HttpHandler {
  static final String PATH = "/v1/tasks";

  private final TaskService runner;
  private final AsyncTasks async;
  private final PrintStream log;
  private final AtomicLong generatedIds = new AtomicLong();

  public TasksHandler(TaskService runner, AsyncTasks async, PrintStream log) {
    this.runner = runner;
    this.async = async;
    this.log = log;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String path = exchange.getRequestURI().getPath();
      if (PATH.equals(path)) {
        onlyMethod(exchange, "POST", () -> answer(exchange, body));
      } else if (path.startsWith(PATH + "/") && path.length() > PATH.length() + 1) {
        onlyMethod(exchange, "GET", () -> poll(exchange, path.substring(PATH.length() + 1)));
      } else {
        Exchanges.sendError(exchange, 404, "no such path " + path);
      }
    }
  }

  private interface Answer {
    void send() throws IOException;
  }

  private static void onlyMethod(HttpExchange exchange, String method, Answer answer)
      throws IOException {
    if (method.equals(exchange.getRequestMethod())) {
      answer.send();
    } else {
      exchange.getResponseHeaders().set("Allow", method);
      Exchanges.sendError(
          exchange, 405, "method must be " + method + ", but was " + exchange.getRequestMethod());
    }
  }

  private void answer(HttpExchange exchange, byte[] body) throws IOException {
    TaskRequest task;
    try {
      Optional<String> header =
          Optional.ofNullable(exchange.getRequestHeaders().getFirst(ToolClient.TASK_HEADER));
      task = TaskRequest.parse(body, header, "task-" + generatedIds.incrementAndGet());
    } catch (IllegalArgumentException e) {
      Exchanges.sendError(exchange, 400, e.getMessage());
      return;
    }
    if (task.async()) {
      submit(exchange, task);
    } else if (wantsEventStream(exchange)) {
      stream(exchange, task);
    } else {
      run(exchange, task);
    }
  }

  private void run(HttpExchange exchange, TaskRequest task) throws IOException {
    TaskResult result;
    try {
      result = runner.run(task.taskId(), task.input());
    } catch (Exception e) {
      TaskFailure failure = logged(task, TaskFailure.of(e));
      Exchanges.send(exchange, failure.status(), failure.toJson(task.taskId()));
      return;
    }
    Exchanges.send(exchange, 200, result.toJson());
  }

  private void submit(HttpExchange exchange, TaskRequest task) throws IOException {
    if (async.submit(task).isEmpty()) {
      Exchanges.sendError(exchange, 409, "task " + task.taskId() + " is already running");
      return;
    }
    String statusUrl = PATH + "/" + PathSegment.encode(task.taskId());
    exchange.getResponseHeaders().set("Location", statusUrl);
    Exchanges.send(
        exchange, 202, Json.object().put("task_id", task.taskId()).put("status_url", statusUrl));
  }

  private void poll(HttpExchange exchange, String taskId) throws IOException {
    Optional<ObjectNode> state = async.state(taskId);
    if (state.isEmpty()) {
      Exchanges.sendError(
          exchange,
          404,
          "no task " + taskId + ": it was never submitted with async, or its result expired");
    } else {
      Exchanges.send(exchange, 200, state.get());
    }
  }

  private void stream(HttpExchange exchange, TaskRequest task) throws IOException {
    EventStreamSink events = EventStreamSink.open(exchange);
    try {
      events.done(runner.run(task.taskId(), task.input(), events).toJson());
    } catch (EventStreamSink.ClientGoneException | IOException gone) {
      log.println("task " + task.taskId() + " abandoned: the client closed its event stream");
    } catch (Exception e) {
      events.error(logged(task, TaskFailure.of(e)).toJsonWithCode(task.taskId()));
    }
  }

  private static boolean wantsEventStream(HttpExchange exchange) {
    return exchange.getRequestHeaders().getOrDefault("Accept", List.of()).stream()
        .anyMatch(accept -> accept.contains(EventStreamSink.CONTENT_TYPE));
  }

  private TaskFailure logged(TaskRequest task, TaskFailure failure) {
    log.println(
        "task " + task.taskId() + " failed with " + failure.status() + ": " + failure.message());
    return failure;
  }
}
