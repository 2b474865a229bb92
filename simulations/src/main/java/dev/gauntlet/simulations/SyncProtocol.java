package dev.gauntlet.simulations;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import dev.gauntlet.run.TaskCorrelation;
import io.gatling.javaapi.core.ChainBuilder;
import java.time.Duration;

/**
 * {@code protocol: sync}: one {@code POST /v1/tasks} answered with the result. Its latency runs from the task's
 * {@code start_ms} until the answer was read ({@link TaskRecorder} times it on the same wall clock), not Gatling's own
 * response time, which starts when Gatling writes the request, up to milliseconds after {@code start_ms}: then
 * {@code start_ms + latency_ms} fell short of the answer, before the agent's last calls had ended (the fault plane's
 * {@code client_covers_ledger} check saw it).
 */
final class SyncProtocol {

  private SyncProtocol() {}

  static ChainBuilder send(Duration taskTimeout) {
    return exec(
        http("task")
            .post(TaskRequests.PATH)
            .header(TaskCorrelation.TASK_HEADER, "#{taskId}")
            .header(TaskCorrelation.TRACEPARENT, "#{traceparent}")
            .body(StringBody(session -> TaskRequests.json(session, false)))
            .requestTimeout(taskTimeout)
            .check(
                status().saveAs(TaskRecorder.STATUS),
                bodyString().saveAs(TaskRecorder.BODY),
                status().is(200)));
  }
}
