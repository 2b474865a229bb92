package dev.gauntlet.cli;

import dev.gauntlet.cli.target.AgentTarget;
import dev.gauntlet.cli.target.Readiness;
import dev.gauntlet.faults.FaultPlane;
import dev.gauntlet.reports.ConsoleTable;
import dev.gauntlet.reports.Evaluator;
import dev.gauntlet.reports.ReportWriter;
import dev.gauntlet.reports.Verdict;
import dev.gauntlet.run.Json;
import dev.gauntlet.run.JsonLinesWriter;
import dev.gauntlet.run.RunDirectory;
import dev.gauntlet.run.RunInfo;
import dev.gauntlet.run.TaskRecord;
import dev.gauntlet.scenario.Scenario;
import dev.gauntlet.simulations.SimulationRunner;
import dev.gauntlet.simulations.WorkloadPlan;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One run of one scenario. It composes the parts in the order of design.md's data flow (fault plane, target,
 * workload, evaluation, reports) and knows how none of them works inside. If the JVM is stopped mid-run, a shutdown
 * hook still marks the run interrupted and writes a verdict from the records written so far.
 */
final class ScenarioRun {

  private final Inputs inputs;
  private final Scenario scenario;
  private final RunDirectory run;
  private final PrintStream out;
  private final Clock clock = Clock.systemUTC();
  private final AtomicReference<RunInfo> info = new AtomicReference<>();
  private final AtomicBoolean finished = new AtomicBoolean();
  private final AtomicReference<AgentTarget> target = new AtomicReference<>();

  ScenarioRun(Inputs inputs, Path dir, PrintStream out) {
    this.inputs = inputs;
    this.scenario = inputs.scenario();
    this.run = RunDirectory.create(dir);
    this.out = out;
  }

  int execute() {
    write(run.scenario(), inputs.resolvedYaml());
    out.printf("gauntlet: %s (seed %d) -> %s%n", scenario.name(), scenario.seed(), run.root());
    Thread hook = new Thread(this::interrupted, "gauntlet-interrupted");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      Optional<String> failure = drive();
      if (failure.isPresent()) {
        out.println("gauntlet: " + failure.get());
        return ExitCodes.HARNESS_FAILED;
      }
      return judge();
    } finally {
      finished.set(true);
      removeHook(hook);
    }
  }

  /** Starts everything, drives the workload to its end; returns why the run could not start, if it could not. */
  private Optional<String> drive() {
    try (FaultPlane plane = FaultPlane.start(scenario, inputs.dataset(), run, clock);
         AgentTarget target = started(Targets.start(scenario, plane, run))) {
      Optional<String> notReady = Readiness.await(target, scenario.target().ready().path(),
          scenario.target().ready().timeout());
      if (notReady.isPresent()) {
        return Optional.of(notReady.get() + tail(run.agentLog()));
      }
      double rate = scenario.workload().expectedTasks() / (scenario.workload().duration().toMillis() / 60_000.0);
      record(new RunInfo(scenario.name(), scenario.seed(), scenario.target().mode(), clock.millis(), 0, rate,
          RunInfo.RUNNING, null));
      workload(plane, target, rate);
      Optional<String> death = target.deathReason();
      record(info.get().ended(clock.millis(), death.isPresent() ? RunInfo.TARGET_DIED : RunInfo.COMPLETED,
          death.map(d -> d + " during the run; tasks after that failed").orElse(null)));
      return Optional.empty();
    }
  }

  private AgentTarget started(AgentTarget value) {
    target.set(value);
    return value;
  }

  private void workload(FaultPlane plane, AgentTarget target, double rate) {
    try (JsonLinesWriter<TaskRecord> records = JsonLinesWriter.append(run.records());
         Progress progress = new Progress(out, scenario.workload().duration(), rate)) {
      WorkloadPlan plan = new WorkloadPlan(target.baseUrl(), scenario.workload(), inputs.dataset().items(),
          scenario.seed(), record -> {
            records.write(record);
            progress.accept(record);
          });
      plane.startTimeline();
      SimulationRunner.run(plan, run.gatling(), scenario.name());
    }
  }

  private int judge() {
    Verdict verdict = Evaluator.evaluate(scenario, inputs.dataset(), run);
    ReportWriter.writeAll(verdict, run);
    out.print(ConsoleTable.render(verdict));
    out.printf("run directory: %s (summary.md, verdict.json, junit.xml, gatling/)%n", run.root());
    return verdict.exitCode();
  }

  /** Shutdown hook: the JVM is going down before the run finished; keep what was measured and say so. */
  private void interrupted() {
    if (finished.get() || info.get() == null) {
      return;
    }
    record(info.get().ended(clock.millis(), RunInfo.INTERRUPTED, "the run was stopped before its workload ended"));
    AgentTarget agent = target.get();
    if (agent != null) {
      agent.close();
    }
    try {
      ReportWriter.writeAll(Evaluator.evaluate(scenario, inputs.dataset(), run), run);
      System.err.println("gauntlet: interrupted; partial verdict written to " + run.verdict());
    } catch (RuntimeException e) {
      System.err.println("gauntlet: interrupted; could not write a partial verdict: " + e.getMessage());
    }
  }

  private void record(RunInfo value) {
    info.set(value);
    try {
      Files.writeString(run.runInfo(), Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value));
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + run.runInfo(), e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file, e);
    }
  }

  private static String tail(Path log) {
    try {
      if (!Files.exists(log)) {
        return "";
      }
      var lines = Files.readAllLines(log);
      return "\n  last lines of " + log + ":\n    "
          + String.join("\n    ", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
    } catch (IOException e) {
      return "";
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // The hook is running or will; nothing to undo.
    }
  }
}
