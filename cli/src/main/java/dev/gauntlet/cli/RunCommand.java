package dev.gauntlet.cli;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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

  @Override
  public Integer call() {
    Inputs inputs = Inputs.load(scenario, overrides);
    Path dir = out != null ? out : Path.of("runs",
        STAMP.format(ZonedDateTime.now(ZoneOffset.UTC)) + "-" + inputs.scenario().name());
    return new ScenarioRun(inputs, dir, System.out).execute();
  }
}
