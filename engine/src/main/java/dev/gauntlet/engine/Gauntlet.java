package dev.gauntlet.engine;

import dev.gauntlet.engine.internal.ScenarioRun;
import dev.gauntlet.engine.internal.ServeSession;
import dev.gauntlet.run.RunDirectory;
import dev.gauntlet.scenario.InvalidInputException;
import dev.gauntlet.scenario.Problem;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runs scenarios from Java: what {@code gauntlet run} and {@code gauntlet serve} do, without a command line. The
 * command line, the JUnit 5 extension and anything embedding Gauntlet go through here.
 * <pre>{@code
 * RunResult result = Gauntlet.run(Path.of("scenarios/smoke.yaml"), RunOptions.defaults().out(Path.of("target/smoke")));
 * if (!result.passed()) { ... result.verdict().slos() ... }
 * }</pre>
 * One run at a time per JVM: Gatling, which drives the workload, keeps global state.
 */
public final class Gauntlet {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

  private Gauntlet() {}

  /**
   * Loads {@code scenario} with {@code options}' overrides and runs it.
   *
   * @throws InvalidInputException when the scenario, its dataset or the run directory is invalid (every problem
   *                               with its file and line); nothing was started
   */
  public static RunResult run(Path scenario, RunOptions options) {
    return run(RunInputs.load(scenario, options.overrides()), options);
  }

  /**
   * Runs {@code inputs} (loaded already; {@code options}' overrides are not applied again): starts the fault plane
   * and the target, drives the workload, judges the SLOs and writes every report into the run directory. A run that
   * fails to happen returns {@link ExitCodes#HARNESS_FAILED} with its reason; if the JVM is stopped mid-run, a
   * shutdown hook still writes a verdict from the records so far.
   */
  public static RunResult run(RunInputs inputs, RunOptions options) {
    RunDirectory run = RunDirectory.create(directory(options.out(), inputs.scenario().name()));
    return new ScenarioRun(inputs, run, options).execute();
  }

  /**
   * Serves {@code inputs}' fault plane alone (provider and tool mocks, network proxies, admin API) for an agent
   * started elsewhere, printing its endpoints to {@code console}, until {@code duration} elapses (null: until the
   * JVM is stopped); with {@code startSchedule} its fault windows start at once, else when the admin API is told.
   * Returns the exit code.
   */
  public static int serve(
      RunInputs inputs, Path out, Duration duration, boolean startSchedule, PrintStream console) {
    RunDirectory run = RunDirectory.create(directory(out, inputs.scenario().name() + "-serve"));
    return new ServeSession(inputs, run, console).serve(duration, startSchedule);
  }

  /** {@code out} when it is new or empty (a run never appends to another's files), else a fresh one under runs/. */
  private static Path directory(Path out, String name) {
    return out != null ? requireEmpty(out) : fresh(name);
  }

  private static Path requireEmpty(Path dir) {
    try (Stream<Path> entries = Files.exists(dir) ? Files.list(dir) : Stream.empty()) {
      Optional<Path> first = entries.findFirst();
      if (first.isPresent()) {
        throw new InvalidInputException(
            List.of(
                new Problem(
                    "--out " + dir,
                    0,
                    0,
                    "",
                    "must be a new or empty directory, but it holds "
                        + first.get().getFileName()
                        + "; remove it or choose another")));
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + dir, e);
    }
  }

  private static Path fresh(String name) {
    Path base = Path.of("runs", STAMP.format(ZonedDateTime.now(ZoneOffset.UTC)) + "-" + name);
    Path dir = base;
    for (int n = 2; Files.exists(dir); n++) {
      dir = Path.of(base + "-" + n);
    }
    return dir;
  }
}
