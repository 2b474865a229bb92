package dev.gauntlet.simulations;

import io.gatling.app.Gatling$;
import java.nio.file.Path;
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
   * Drives the plan's workload to its end and writes Gatling's results under {@code resultsDir}.
   *
   * @return Gatling's status: 0 when the simulation ran
   */
  public static synchronized int run(WorkloadPlan plan, Path resultsDir, String description) {
    System.setProperty("gatling.data.enableAnalytics", "false");
    System.setProperty("gatling.http.warmUpUrl", "");
    CURRENT.set(plan);
    try {
      return Gatling$.MODULE$.fromArgs(new String[] {
          "--simulation", TaskSimulation.class.getName(),
          "--results-folder", resultsDir.toAbsolutePath().toString(),
          "--run-description", description,
          "--launcher", "gauntlet"});
    } finally {
      CURRENT.set(null);
    }
  }

  static WorkloadPlan currentPlan() {
    WorkloadPlan plan = CURRENT.get();
    if (plan == null) {
      throw new IllegalStateException("TaskSimulation must be started through SimulationRunner.run, but no plan was set");
    }
    return plan;
  }
}
