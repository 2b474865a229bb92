package dev.gauntlet.simulations;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import dev.gauntlet.run.TaskCorrelation;
import io.gatling.javaapi.core.ChainBuilder;
import java.time.Duration;

/** {@code protocol: sync}: one {@code POST /v1/tasks} answered with the result; latency is Gatling's response time. */
final class SyncProtocol {

  private SyncProtocol() {}

  static ChainBuilder send(Duration taskTimeout) {
    return exec(http("task").post(TaskRequests.PATH)
        .header(TaskCorrelation.TASK_HEADER, "#{taskId}")
        .header(TaskCorrelation.TRACEPARENT, "#{traceparent}")
        .body(StringBody(session -> TaskRequests.json(session, false)))
        .requestTimeout(taskTimeout)
        .check(
            responseTimeInMillis().saveAs(TaskRecorder.LATENCY),
            status().saveAs(TaskRecorder.STATUS),
            bodyString().saveAs(TaskRecorder.BODY),
            status().is(200)));
  }
}
