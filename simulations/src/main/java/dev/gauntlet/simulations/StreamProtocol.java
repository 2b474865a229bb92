package dev.gauntlet.simulations;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;

import dev.gauntlet.run.TaskCorrelation;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * {@code protocol: stream}: {@code POST /v1/tasks} with {@code Accept: text/event-stream}, read as it arrives by a
 * {@link StreamedTask}. Gatling's HTTP client hands a body over only once it is whole, and its SSE checks time a
 * message from when the check was armed and leave no arrival time in the session; so the task is sent by the JDK
 * client and the virtual user waits, in short pauses, until it has finished or outlived the task timeout. What is measured is
 * timed at arrival, never by the pauses. These tasks do not show as requests in Gatling's own report.
 */
final class StreamProtocol {

  static final String TASK = "gauntletStreamedTask";

  /** How often a virtual user looks whether its streamed task finished; it only delays writing the record. */
  static final Duration CHECK_EVERY = Duration.ofMillis(10);

  private StreamProtocol() {}

  /** How long the warm-up request may take; it only loads the client's classes and opens its selector. */
  static final Duration WARM_UP = Duration.ofSeconds(2);

  static ChainBuilder send(HttpClient client, URI agentUrl, Duration taskTimeout) {
    // Appended like Gatling's base URL, so that an agent under a path prefix is reached the same
    // way.
    URI tasks = URI.create(agentUrl.toString().replaceAll("/+$", "") + TaskRequests.PATH);
    warmUp(client, agentUrl);
    return exec(session ->
            session.set(TASK, StreamedTask.send(client, request(tasks, session, taskTimeout))))
        .asLongAs(session -> !task(session).finished())
        .on(pause(CHECK_EVERY), exec(session -> expire(session, taskTimeout)))
        .exec(StreamProtocol::finish);
  }

  /**
   * One {@code GET} of the agent's base URL before the workload starts, whatever it answers, so that the first task's
   * times do not include the JDK client's own start (class loading, its selector thread: about 100 ms).
   */
  private static void warmUp(HttpClient client, URI agentUrl) {
    try {
      client.send(
          HttpRequest.newBuilder(agentUrl).timeout(WARM_UP).GET().build(),
          HttpResponse.BodyHandlers.discarding());
    } catch (IOException unreachable) {
      // The agent's readiness was checked before; a failure here only means no warm-up.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static HttpRequest request(URI tasks, Session session, Duration taskTimeout) {
    return HttpRequest.newBuilder(tasks)
        .header("Content-Type", "application/json")
        .header("Accept", "text/event-stream")
        .header(TaskCorrelation.TASK_HEADER, session.getString("taskId"))
        .header(TaskCorrelation.TRACEPARENT, session.getString("traceparent"))
        .timeout(taskTimeout) // until the headers; expire() bounds the rest
        .POST(HttpRequest.BodyPublishers.ofString(TaskRequests.json(session, false)))
        .build();
  }

  private static Session expire(Session session, Duration taskTimeout) {
    // On the task's own clock, so that an aborted task's latency is never under the timeout that
    // aborted it.
    if (task(session).elapsedMs() >= taskTimeout.toMillis()) {
      task(session)
          .abort(
              "no response: the task had not finished after task_timeout "
                  + taskTimeout.toMillis()
                  + " ms");
    }
    return session;
  }

  private static Session finish(Session session) {
    StreamedTask task = task(session);
    Session done =
        session
            .remove(TASK)
            .set(TaskRecorder.LATENCY, task.latencyMs())
            .set(TaskRecorder.STATUS, task.status());
    done = task.body() == null ? done : done.set(TaskRecorder.BODY, task.body());
    done = task.error() == null ? done : done.set(TaskRecorder.ERROR, task.error());
    return task.ttftMs() == null ? done : done.set(TaskRecorder.TTFT, task.ttftMs());
  }

  private static StreamedTask task(Session session) {
    return (StreamedTask) session.get(TASK);
  }
}
