package dev.gauntlet.simulations;

import dev.gauntlet.scenario.Workload;
import io.gatling.app.Gatling$;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs {@link TaskSimulation} in this JVM through Gatling's own launcher, so the run gets Gatling's engine, its
 * simulation log and its HTML report. One run at a time per JVM (Gatling instantiates the simulation by class name,
 * so the plan is handed over through a static slot).
 */
public final class SimulationRunner {

  private static final AtomicReference<WorkloadPlan> CURRENT = new AtomicReference<>();

  private SimulationRunner() {}

  /**
   * Drives the plan's workload to its end and writes Gatling's results under {@code resultsDir}: its simulation log
   * and, unless the tasks are streamed, its HTML report.
   *
   * @return Gatling's status: 0 when the simulation ran
   */
  public static synchronized int run(WorkloadPlan plan, Path resultsDir, String description) {
    System.setProperty("gatling.data.enableAnalytics", "false");
    System.setProperty("gatling.http.warmUpUrl", "");
    CURRENT.set(plan);
    List<String> args =
        new ArrayList<>(
            List.of(
                "--simulation",
                TaskSimulation.class.getName(),
                "--results-folder",
                resultsDir.toAbsolutePath().toString(),
                "--run-description",
                description,
                "--launcher",
                "gauntlet"));
    if (plan.workload().protocol() == Workload.Protocol.STREAM) {
      // Streamed tasks are sent outside Gatling's HTTP client (see StreamProtocol), so its report
      // would have no
      // request to show, and Gatling refuses to write an empty one.
      args.add("--no-reports");
    }
    try {
      return Gatling$.MODULE$.fromArgs(args.toArray(String[]::new));
    } finally {
      CURRENT.set(null);
    }
  }

  static WorkloadPlan currentPlan() {
    WorkloadPlan plan = CURRENT.get();
    if (plan == null) {
      throw new IllegalStateException(
          "TaskSimulation must be started through SimulationRunner.run, but no plan was set");
    }
    return plan;
  }
}
