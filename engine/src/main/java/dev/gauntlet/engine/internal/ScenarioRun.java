package dev.gauntlet.engine.internal;

import dev.gauntlet.dataset.PriceHints;
import dev.gauntlet.engine.ExitCodes;
import dev.gauntlet.engine.RunInputs;
import dev.gauntlet.engine.RunListener;
import dev.gauntlet.engine.RunOptions;
import dev.gauntlet.engine.RunResult;
import dev.gauntlet.engine.internal.targets.AgentTarget;
import dev.gauntlet.engine.internal.targets.ManagedRedis;
import dev.gauntlet.engine.internal.targets.Readiness;
import dev.gauntlet.faults.FaultPlane;
import dev.gauntlet.faults.WarmUpResult;
import dev.gauntlet.reports.Baseline;
import dev.gauntlet.reports.ConsoleTable;
import dev.gauntlet.reports.Evaluator;
import dev.gauntlet.reports.ReportWriter;
import dev.gauntlet.reports.Verdict;
import dev.gauntlet.run.Json;
import dev.gauntlet.run.JsonLinesWriter;
import dev.gauntlet.run.RunDirectory;
import dev.gauntlet.run.RunInfo;
import dev.gauntlet.run.TaskRecord;
import dev.gauntlet.scenario.Network;
import dev.gauntlet.scenario.Scenario;
import dev.gauntlet.simulations.SimulationRunner;
import dev.gauntlet.simulations.WorkloadPlan;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One run of one scenario. It composes the parts in the order of design.md's data flow (fault plane, target,
 * workload, evaluation, reports) and knows how none of them works inside. If the JVM is stopped mid-run, a shutdown
 * hook still marks the run interrupted, stops the target and the faults, and writes a verdict from the records
 * written so far. Whichever of the run and the hook ends the workload first decides its outcome.
 */
public final class ScenarioRun {

  /** Where the run is; only one transition out of {@code WORKLOAD} wins. */
  private enum Phase {
    STARTING,
    WORKLOAD,
    ENDED,
    INTERRUPTED
  }

  private final RunInputs inputs;
  private final Scenario scenario;
  private final RunDirectory run;
  private final PrintStream out;
  private final boolean live;
  private final RunListener listener;
  private final Clock clock = Clock.systemUTC();
  private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.STARTING);
  private final AtomicReference<RunInfo> info = new AtomicReference<>();
  private final AtomicReference<FaultPlane> plane = new AtomicReference<>();
  private final AtomicReference<AgentTarget> target = new AtomicReference<>();
  private final AtomicReference<RecordQueue> records = new AtomicReference<>();

  /** The baseline runs (null for none) which SLOs relative to a baseline are judged with. */
  private final Baseline baseline;

  /** A run of {@code inputs} into {@code run}, which must be new or empty, as {@code options} say. */
  public ScenarioRun(RunInputs inputs, RunDirectory run, RunOptions options) {
    this.inputs = inputs;
    this.scenario = inputs.scenario();
    this.run = run;
    this.out =
        options.console() != null
            ? options.console()
            : new PrintStream(OutputStream.nullOutputStream());
    this.live = options.console() != null && options.live();
    this.listener = options.listener();
    this.baseline = options.baseline();
  }

  /** Runs it from starting the fault plane to the verdict; the listener hears of the end too. */
  public RunResult execute() {
    write(run.scenario(), inputs.resolvedYaml());
    Thread hook = new Thread(this::interrupted, "gauntlet-interrupted");
    Runtime.getRuntime().addShutdownHook(hook);
    RunResult result;
    try {
      Optional<String> failure = drive();
      if (failure.isPresent()) {
        out.println("gauntlet: " + failure.get());
        result = new RunResult(run, ExitCodes.HARNESS_FAILED, null, failure.get());
      } else if (phase.get() == Phase.ENDED) {
        Verdict verdict = judge();
        result = new RunResult(run, verdict.exitCode(), verdict, null);
      } else {
        result = new RunResult(run, ExitCodes.UNRESOLVED, null, null);
      }
    } finally {
      removeHook(hook);
    }
    listener.finished(result);
    return result;
  }

  /** Starts everything, drives the workload to its end; returns why the run failed to happen, if it did. */
  private Optional<String> drive() {
    try (ManagedRedis redis =
            scenario.target().redis() ? ManagedRedis.start(run.root().resolve("redis.log")) : null;
        FaultPlane faults =
            kept(
                plane,
                announced(
                    FaultPlane.start(
                        scenario,
                        inputs.dataset(),
                        run,
                        clock,
                        new FaultPlane.Options(upstreams(redis), false, 0))));
        AgentTarget agent = kept(target, Targets.start(scenario, faults, run, upstreams(redis)))) {
      Optional<String> notReady =
          Readiness.await(
              agent, scenario.target().ready().path(), scenario.target().ready().timeout());
      if (notReady.isPresent()) {
        return Optional.of(notReady.get() + tail(run.agentLog()));
      }
      warmUp(faults);
      int gatling = workload(faults, agent);
      PacingLine.of(faults.streamPacing()).ifPresent(line -> out.println("gauntlet: " + line));
      if (!phase.compareAndSet(Phase.WORKLOAD, Phase.ENDED)) {
        return Optional.empty(); // the shutdown hook ended the run and wrote its verdict
      }
      if (info.get() == null) {
        return Optional.of(
            "the workload never started (Gatling exited with status " + gatling + ")");
      }
      Optional<String> death = agent.deathReason();
      record(
          info.get()
              .ended(
                  clock.millis(),
                  death.isPresent() ? RunInfo.TARGET_DIED : RunInfo.COMPLETED,
                  death.map(d -> d + " during the run; tasks after that failed").orElse(null)));
      return gatling == 0
          ? Optional.empty()
          : Optional.of(
              "Gatling exited with status "
                  + gatling
                  + "; the records so far are in "
                  + run.records());
    }
  }

  /**
   * Rounds of calls that warm the fault plane before the clock starts ({@link FaultPlane#warmUp}); 0 skips it, to
   * measure a cold start ({@code GAUNTLET_JAVA_OPTS=-Dgauntlet.warmup.rounds=0}).
   */
  static final int WARM_UP_ROUNDS = Integer.getInteger("gauntlet.warmup.rounds", 16);

  /** The most a warm-up may take, whatever its rounds. */
  static final Duration WARM_UP_BUDGET = Duration.ofSeconds(10);

  private void warmUp(FaultPlane faults) {
    if (WARM_UP_ROUNDS > 0
        && faults.timelineStartedAt().isEmpty()) { // a schedule started by hand is under way
      long start = System.nanoTime();
      WarmUpResult warm = faults.warmUp(WARM_UP_ROUNDS, WARM_UP_BUDGET);
      out.println("gauntlet: " + warm.line(Duration.ofNanos(System.nanoTime() - start)));
    }
  }

  /** Runs the Gatling simulation; fault windows and run.json start when Gatling starts injecting. */
  private int workload(FaultPlane faults, AgentTarget agent) {
    double rate =
        scenario.workload().expectedTasks()
            / (scenario.workload().duration().toMillis() / 60_000.0);
    phase.set(Phase.WORKLOAD);
    try (JsonLinesWriter<TaskRecord> file = JsonLinesWriter.append(run.records());
        Progress progress =
            new Progress(
                out,
                scenario.workload().duration(),
                rate,
                ProgressSources.of(inputs.dataset(), run),
                live);
        RecordQueue queue =
            kept(
                records,
                new RecordQueue(
                    file,
                    record -> {
                      progress.accept(record);
                      listener.taskFinished(record);
                    }))) {
      WorkloadPlan plan =
          new WorkloadPlan(
              agent.baseUrl(),
              scenario.workload(),
              inputs.dataset().items(),
              scenario.seed(),
              queue,
              () -> {
                record(
                    new RunInfo(
                        scenario.name(),
                        scenario.seed(),
                        scenario.target().mode(),
                        clock.millis(),
                        0,
                        rate,
                        RunInfo.RUNNING,
                        null));
                progress.start();
                if (faults
                    .timelineStartedAt()
                    .isEmpty()) { // else started by hand through the admin API
                  faults.startTimeline();
                }
                listener.workloadStarted();
              },
              () -> {
                progress.sent();
                listener.taskSent();
              });
      return SimulationRunner.run(plan, run.gatling(), scenario.name());
    }
  }

  private Verdict judge() {
    Verdict verdict = Evaluator.evaluate(scenario, inputs.dataset(), run, baseline);
    ReportWriter.writeAll(verdict, inputs.dataset(), run);
    out.print(ConsoleTable.render(verdict));
    out.printf(
        "run directory: %s (report.html, summary.md, verdict.json, junit.xml, allure-results/, gatling/)%n",
        run.root());
    return verdict;
  }

  /** Shutdown hook: the JVM is going down before the workload ended; keep what was measured and say so. */
  private void interrupted() {
    if (!phase.compareAndSet(Phase.WORKLOAD, Phase.INTERRUPTED)) {
      return;
    }
    // The records queued so far go to the file first: the partial verdict below is read from it.
    for (AutoCloseable part : List.of(closer(records), closer(target), closer(plane))) {
      try {
        part.close();
      } catch (Exception e) {
        System.err.println("gauntlet: while stopping after an interrupt: " + e.getMessage());
      }
    }
    if (info.get() == null) {
      return;
    }
    record(
        info.get()
            .ended(
                clock.millis(),
                RunInfo.INTERRUPTED,
                "the run was stopped before its workload ended"));
    try {
      ReportWriter.writeAll(
          Evaluator.evaluate(scenario, inputs.dataset(), run, baseline), inputs.dataset(), run);
      System.err.println("gauntlet: interrupted; partial verdict written to " + run.verdict());
    } catch (RuntimeException e) {
      System.err.println(
          "gauntlet: interrupted; could not write a partial verdict: " + e.getMessage());
    }
  }

  /** The run's first line, with the admin API that switches faults by hand during a game day. */
  private FaultPlane announced(FaultPlane faults) {
    out.printf(
        "gauntlet: %s (seed %d) -> %s (admin %s)%n",
        scenario.name(), scenario.seed(), run.root(), faults.adminBaseUrl());
    PriceHints.notes(scenario, inputs.dataset()).forEach(note -> out.println("gauntlet: " + note));
    listener.started(run, faults.adminBaseUrl());
    return faults;
  }

  /** The dependencies started for the target, by the name proxies give as their upstream. */
  public static Map<String, String> upstreams(ManagedRedis redis) {
    return redis == null ? Map.of() : Map.of(Network.MANAGED_REDIS, redis.address());
  }

  private static <T> T kept(AtomicReference<T> slot, T value) {
    slot.set(value);
    return value;
  }

  private static AutoCloseable closer(AtomicReference<? extends AutoCloseable> slot) {
    return () -> {
      AutoCloseable part = slot.get();
      if (part != null) {
        part.close();
      }
    };
  }

  private synchronized void record(RunInfo value) {
    info.set(value);
    try {
      Files.writeString(
          run.runInfo(), Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value));
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
      List<String> lines = Files.readAllLines(log);
      return "\n  last lines of "
          + log
          + ":\n    "
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
