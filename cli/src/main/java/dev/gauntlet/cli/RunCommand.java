package dev.gauntlet.cli;

import dev.gauntlet.engine.Gauntlet;
import dev.gauntlet.engine.RunOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gauntlet run SCENARIO}: one whole run, from starting the target to the verdict ({@link Gauntlet#run}). */
@Command(
    name = "run",
    description =
        "Run a scenario: start the target and the fault plane, drive the workload, "
            + "score every task, gate on the SLOs.")
final class RunCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      paramLabel = "SCENARIO",
      description = "Scenario file, e.g. scenarios/smoke.yaml.")
  Path scenario;

  @Option(
      names = "--set",
      paramLabel = "PATH=VALUE",
      description = "Override a value, e.g. target.mode=naive.")
  List<String> overrides = new ArrayList<>();

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Run directory (default runs/<UTC time>-<scenario>).")
  Path out;

  @Mixin BaselineOptions baselines = new BaselineOptions();

  @Override
  public Integer call() {
    RunOptions options =
        RunOptions.defaults()
            .out(out)
            .set(overrides.toArray(String[]::new))
            .baseline(baselines.baseline())
            .console(System.out);
    return Gauntlet.run(scenario, options).exitCode();
  }
}
