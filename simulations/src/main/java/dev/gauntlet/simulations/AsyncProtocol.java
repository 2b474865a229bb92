package dev.gauntlet.simulations;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gauntlet.run.Json;
import dev.gauntlet.run.TaskCorrelation;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import java.time.Duration;

/**
 * {@code protocol: async}: {@code POST /v1/tasks} with {@code "async": true}, answered 202 with a {@code status_url},
 * then {@code GET} of that URL every poll interval while the task is {@code running} and younger than the task
 * timeout. The latency runs until the poll that saw it finished. A {@code failed} state is recorded with its
 * {@code code} as the status, as a synchronous call would have answered; an agent that answers the post at once
 * (200 with the result) is recorded as it answered.
 */
final class AsyncProtocol {

  static final String STATUS_URL = "gauntletStatusUrl";

  private AsyncProtocol() {}

  static ChainBuilder send(Duration taskTimeout, Duration pollInterval) {
    return exec(http("submit")
            .post(TaskRequests.PATH)
            .header(TaskCorrelation.TASK_HEADER, "#{taskId}")
            .header(TaskCorrelation.TRACEPARENT, "#{traceparent}")
            .body(StringBody(session -> TaskRequests.json(session, true)))
            .requestTimeout(taskTimeout)
            .check(
                status().saveAs(TaskRecorder.STATUS),
                bodyString().saveAs(TaskRecorder.BODY),
                status().in(200, 202)))
        .exec(AsyncProtocol::statusUrl)
        .asLongAs(session -> running(session) && !expired(session, taskTimeout))
        .on(
            pause(pollInterval),
            // A poll that gets no answer must not leave the last "running" behind, or the loop
            // would go on.
            exec(session -> session.remove(TaskRecorder.STATUS).remove(TaskRecorder.BODY)),
            exec(
                http("poll")
                    .get("#{" + STATUS_URL + "}")
                    .header(TaskCorrelation.TASK_HEADER, "#{taskId}")
                    .requestTimeout(taskTimeout)
                    .check(
                        status().saveAs(TaskRecorder.STATUS),
                        bodyString().saveAs(TaskRecorder.BODY),
                        status().is(200))))
        .exec(session -> finish(session, taskTimeout));
  }

  /** The answer's {@code status_url}, else the conventional {@code /v1/tasks/{task id}}. */
  private static Session statusUrl(Session session) {
    JsonNode url = body(session).path("status_url");
    return session.set(
        STATUS_URL,
        url.isTextual() ? url.asText() : TaskRequests.PATH + "/" + session.getString("taskId"));
  }

  private static boolean running(Session session) {
    int status = lastStatus(session);
    return status == 202
        || status == 200 && "running".equals(body(session).path("status").asText());
  }

  private static boolean expired(Session session, Duration taskTimeout) {
    return System.currentTimeMillis() - session.getLong(TaskRecorder.START)
        >= taskTimeout.toMillis();
  }

  private static Session finish(Session session, Duration taskTimeout) {
    Session done =
        session.set(
            TaskRecorder.LATENCY, System.currentTimeMillis() - session.getLong(TaskRecorder.START));
    if (running(session)) {
      return done.set(TaskRecorder.STATUS, 0)
          .set(
              TaskRecorder.ERROR,
              "no result: the task was still running after task_timeout "
                  + taskTimeout.toMillis()
                  + " ms");
    }
    JsonNode state = body(session);
    if (lastStatus(session) == 200 && "failed".equals(state.path("status").asText())) {
      return done.set(TaskRecorder.STATUS, state.path("code").asInt(500));
    }
    return done;
  }

  private static int lastStatus(Session session) {
    return session.contains(TaskRecorder.STATUS) ? session.getInt(TaskRecorder.STATUS) : 0;
  }

  private static JsonNode body(Session session) {
    if (!session.contains(TaskRecorder.BODY)) {
      return Json.mapper().missingNode();
    }
    try {
      JsonNode json = Json.mapper().readTree(session.getString(TaskRecorder.BODY));
      return json == null ? Json.mapper().missingNode() : json;
    } catch (Exception notJson) {
      return Json.mapper().missingNode();
    }
  }
}
