package dev.gauntlet.cli;

import dev.gauntlet.reports.DiffTable;
import dev.gauntlet.reports.MetricDiff;
import dev.gauntlet.reports.RunDiff;
import dev.gauntlet.reports.RunNoise;
import dev.gauntlet.run.RunDirectory;
import dev.gauntlet.scenario.InvalidInputException;
import dev.gauntlet.scenario.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gauntlet diff BASELINE_RUN RUN}: every metric of a run against a baseline run, with whether the change is
 * significant; exit 2 on a significant regression beyond the allowance. {@code gauntlet diff --noise RUN…}: the
 * run-to-run spread of each metric over repeated runs of the same scenario. Reads verdict.json and records.jsonl.
 */
@Command(name = "diff", description = "Compare a run with a baseline run (exit 2 on a significant regression), "
    + "or with --noise estimate each metric's run-to-run spread over repeated runs.")
final class DiffCommand implements Callable<Integer> {

  @Parameters(arity = "2..*", paramLabel = "RUN_DIR",
      description = "BASELINE_RUN RUN; with --noise, two or more runs of the same scenario.")
  List<Path> dirs;

  @Option(names = "--noise", description = "Estimate the noise floor of the runs instead of comparing two.")
  boolean noise;

  @Option(names = "--max-drop", paramLabel = "RATIO", defaultValue = "0.02",
      description = "Largest significant drop of a rate (success_rate, accuracy, …) that passes (default: 0.02).")
  double maxDrop;

  @Option(names = "--max-increase", paramLabel = "PERCENT", defaultValue = "10%",
      description = "Largest significant relative rise of a latency or cost that passes (default: 10%%).")
  String maxIncrease;

  @Override
  public Integer call() {
    List<RunDirectory> runs = dirs.stream().map(DiffCommand::run).toList();
    if (noise) {
      System.out.print(DiffTable.renderNoise(RunNoise.of(runs)));
      return ExitCodes.PASSED;
    }
    if (runs.size() != 2) {
      throw invalid("RUN_DIR", "must be exactly two run directories (BASELINE_RUN RUN) without --noise, but was "
          + runs.size());
    }
    double increase = percent(maxIncrease);
    List<MetricDiff> diffs = RunDiff.compare(runs.get(0), runs.get(1));
    System.out.print(DiffTable.render(diffs, maxDrop, increase));
    boolean regressed = diffs.stream().anyMatch(d -> d.regression(maxDrop, increase));
    return regressed ? ExitCodes.SLO_FAILED : ExitCodes.PASSED;
  }

  private static RunDirectory run(Path dir) {
    if (!Files.isRegularFile(dir.resolve("verdict.json"))) {
      throw invalid(dir.toString(), "must be a run directory holding verdict.json, but " + dir.resolve("verdict.json")
          + " does not exist; run gauntlet report " + dir + " to write it");
    }
    return new RunDirectory(dir);
  }

  private static double percent(String text) {
    String trimmed = text.trim();
    try {
      return trimmed.endsWith("%") ? Double.parseDouble(trimmed.substring(0, trimmed.length() - 1)) / 100
          : Double.parseDouble(trimmed);
    } catch (NumberFormatException e) {
      throw invalid("--max-increase", "must be a percentage such as 10% or a fraction such as 0.1, but was '"
          + text + "'");
    }
  }

  private static InvalidInputException invalid(String where, String message) {
    return new InvalidInputException(List.of(new Problem(where, 0, 0, "", message)));
  }
}
