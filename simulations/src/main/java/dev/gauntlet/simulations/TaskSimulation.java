package dev.gauntlet.simulations;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import dev.gauntlet.run.Json;
import dev.gauntlet.run.TaskCorrelation;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.util.Map;

/**
 * The Gatling simulation for a scenario's workload: open-model arrivals, one task per virtual user, sent over the
 * synchronous task protocol ({@code POST /v1/tasks}), each finished task appended to {@code records.jsonl}.
 * Gatling instantiates it by class name, so it reads its plan from {@link SimulationRunner}.
 */
public final class TaskSimulation extends Simulation {

  private final WorkloadPlan plan = SimulationRunner.currentPlan();

  public TaskSimulation() {
    TaskRecorder recorder = new TaskRecorder(plan.records());
    HttpProtocolBuilder protocol = http.baseUrl(plan.agentUrl().toString())
        .contentTypeHeader("application/json")
        .acceptHeader("application/json")
        .disableWarmUp()
        .shareConnections();
    ScenarioBuilder tasks = scenario("tasks")
        .feed(new TaskFeeder(plan.items(), plan.seed(), plan.workload().trials()))
        .exec(session -> {
          plan.onSent().run();
          return session.set(TaskRecorder.START, System.currentTimeMillis());
        })
        .exec(http("task").post("/v1/tasks")
            .header(TaskCorrelation.TASK_HEADER, "#{taskId}")
            .header(TaskCorrelation.TRACEPARENT, "#{traceparent}")
            .body(StringBody(TaskSimulation::taskJson))
            .requestTimeout(plan.workload().taskTimeout())
            .check(
                responseTimeInMillis().saveAs(TaskRecorder.LATENCY),
                status().saveAs(TaskRecorder.STATUS),
                bodyString().saveAs(TaskRecorder.BODY),
                status().is(200)))
        .exec(recorder::record);
    setUp(tasks.injectOpen(Injection.steps(plan.workload().profile())).protocols(protocol))
        .maxDuration(plan.workload().duration().plus(plan.workload().taskTimeout()).plusSeconds(5));
  }

  /** Gatling calls this after its engine is up, right before injecting: the workload's time zero. */
  @Override
  public void before() {
    plan.onStart().run();
  }

  private static String taskJson(Session session) {
    try {
      return Json.mapper().writeValueAsString(
          Map.of("task_id", session.getString("taskId"), "input", session.getString("input")));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
