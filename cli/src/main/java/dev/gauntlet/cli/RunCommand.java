package dev.gauntlet.cli;

import dev.gauntlet.reports.Baseline;
import dev.gauntlet.run.RunDirectory;
import dev.gauntlet.scenario.InvalidInputException;
import dev.gauntlet.scenario.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gauntlet run SCENARIO}: one whole run, from starting the target to the verdict. */
@Command(name = "run", description = "Run a scenario: start the target and the fault plane, drive the workload, "
    + "score every task, gate on the SLOs.")
final class RunCommand implements Callable<Integer> {

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

  @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file, e.g. scenarios/smoke.yaml.")
  Path scenario;

  @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a value, e.g. target.mode=naive.")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--out", paramLabel = "DIR", description = "Run directory (default runs/<UTC time>-<scenario>).")
  Path out;

  @Mixin
  BaselineOptions baselines = new BaselineOptions();

  @Override
  public Integer call() {
    Inputs inputs = Inputs.load(scenario, overrides);
    Baseline baseline = baselines.baseline();
    RunDirectory run = RunDirectory.create(out != null ? requireEmpty(out) : fresh(inputs.scenario().name()));
    return new ScenarioRun(inputs, run, System.out, baseline).execute();
  }

  /** A run never appends to another run's files: the records, ledger and timeline would mix. */
  static Path requireEmpty(Path dir) {
    try (Stream<Path> entries = Files.exists(dir) ? Files.list(dir) : Stream.empty()) {
      Optional<Path> first = entries.findFirst();
      if (first.isPresent()) {
        throw new InvalidInputException(List.of(new Problem("--out " + dir, 0, 0, "",
            "must be a new or empty directory, but it holds " + first.get().getFileName()
                + "; remove it or choose another")));
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + dir, e);
    }
  }

  static Path fresh(String scenarioName) {
    Path base = Path.of("runs", STAMP.format(ZonedDateTime.now(ZoneOffset.UTC)) + "-" + scenarioName);
    Path dir = base;
    for (int n = 2; Files.exists(dir); n++) {
      dir = Path.of(base + "-" + n);
    }
    return dir;
  }
}
