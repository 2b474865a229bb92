package dev.gauntlet.simulations;

import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import dev.gauntlet.scenario.Workload;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.net.http.HttpClient;

/**
 * The Gatling simulation for a scenario's workload: open-model arrivals, one task per virtual user, sent over the
 * workload's task protocol ({@link SyncProtocol}, {@link AsyncProtocol} or {@link StreamProtocol}), each finished
 * task appended to {@code records.jsonl}.
 * Gatling instantiates it by class name, so it reads its plan from {@link SimulationRunner}.
 */
public final class TaskSimulation extends Simulation {

  private final WorkloadPlan plan = SimulationRunner.currentPlan();
  private final Arrivals arrivals =
      new Arrivals(plan.workload().profile(), System::currentTimeMillis);

  public TaskSimulation() {
    TaskRecorder recorder = new TaskRecorder(plan.records());
    HttpProtocolBuilder protocol =
        http.baseUrl(plan.agentUrl().toString())
            .contentTypeHeader("application/json")
            .acceptHeader("application/json")
            .disableWarmUp()
            .shareConnections();
    ScenarioBuilder tasks =
        scenario("tasks")
            // First thing a user does, so that the first arrival fixes time zero before anything
            // slow ran.
            .exec(
                session ->
                    session.set(TaskRecorder.SCHEDULED, arrivals.scheduledMs(session.userId())))
            .feed(new TaskFeeder(plan.items(), plan.seed(), plan.workload().trials()))
            .exec(
                session -> {
                  plan.onSent().run();
                  // The send time is read last, right before the request action: the send lag
                  // covers all of the above.
                  return session.set(TaskRecorder.START, System.currentTimeMillis());
                })
            .exec(send(plan))
            .exec(recorder::record);
    setUp(tasks.injectOpen(Injection.steps(plan.workload().profile())).protocols(protocol))
        .maxDuration(plan.workload().duration().plus(plan.workload().taskTimeout()).plusSeconds(5));
  }

  /** Gatling calls this after its engine is up, right before injecting: the workload's time zero. */
  @Override
  public void before() {
    plan.onStart().run();
  }

  private static ChainBuilder send(WorkloadPlan plan) {
    Workload workload = plan.workload();
    return switch (workload.protocol()) {
      case SYNC -> SyncProtocol.send(workload.taskTimeout());
      case ASYNC -> AsyncProtocol.send(workload.taskTimeout(), workload.pollInterval());
      case STREAM ->
          StreamProtocol.send(
              HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
              plan.agentUrl(),
              workload.taskTimeout());
    };
  }
}
