package dev.gauntlet.cli;

import dev.gauntlet.engine.ExitCodes;
import dev.gauntlet.engine.RunInputs;
import dev.gauntlet.scenario.InvalidInputException;
import dev.gauntlet.scenario.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gauntlet validate SCENARIO…}: checks scenarios and their datasets without running anything. */
@Command(name = "validate", description = "Check scenario files and their datasets; run nothing.")
final class ValidateCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "SCENARIO", description = "Scenario files to check.")
  List<Path> scenarios = new ArrayList<>();

  @Option(
      names = "--set",
      paramLabel = "PATH=VALUE",
      description = "Override a value, e.g. target.mode=naive.")
  List<String> overrides = new ArrayList<>();

  @Override
  public Integer call() {
    List<Problem> problems = new ArrayList<>();
    for (Path file : scenarios) {
      try {
        RunInputs inputs = RunInputs.load(file, overrides);
        System.out.printf(
            "%s: valid (%s, %d items, %d faults, %d SLOs)%n",
            file,
            inputs.dataset().name(),
            inputs.dataset().items().size(),
            inputs.scenario().faults().size(),
            inputs.scenario().slos().size());
      } catch (InvalidInputException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return ExitCodes.PASSED;
  }
}
