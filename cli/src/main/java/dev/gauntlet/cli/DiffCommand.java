package dev.gauntlet.cli;

import dev.gauntlet.engine.ExitCodes;
import dev.gauntlet.reports.Baseline;
import dev.gauntlet.reports.DiffTable;
import dev.gauntlet.reports.MetricDiff;
import dev.gauntlet.reports.NoiseProfile;
import dev.gauntlet.reports.RunDiff;
import dev.gauntlet.reports.RunNoise;
import dev.gauntlet.reports.Tolerance;
import dev.gauntlet.run.RunDirectory;
import dev.gauntlet.scenario.InvalidInputException;
import dev.gauntlet.scenario.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gauntlet diff BASELINE_RUN… RUN} (or {@code --baseline BASELINE_RUN … RUN}): every metric of a run against
 * one or more baseline runs, with the test, the floor and the decision of {@link RunDiff}; exit 2 on a regression.
 * {@code gauntlet diff --noise RUN… [--save FILE]}: the run-to-run spread of each metric over repeated runs of the
 * same scenario, kept for {@code --noise-profile FILE}. Reads verdict.json and records.jsonl.
 */
@Command(
    name = "diff",
    description =
        "Compare a run with one or more baseline runs (exit 2 on a regression: worse, "
            + "significant after Holm, and larger than the floor), or with --noise measure each metric's run-to-run spread.")
final class DiffCommand implements Callable<Integer> {

  @Parameters(
      arity = "1..*",
      paramLabel = "RUN_DIR",
      description =
          "BASELINE_RUN… RUN (the last is the run compared), or RUN alone with --baseline; with --noise, "
              + "two or more runs of the same scenario and build.")
  List<Path> dirs;

  @Mixin BaselineOptions baselines = new BaselineOptions();

  @Option(
      names = "--noise",
      description = "Measure the noise floor of the runs instead of comparing.")
  boolean noise;

  @Option(
      names = "--save",
      paramLabel = "FILE",
      description = "With --noise: write the noise profile to FILE.")
  Path save;

  @Option(
      names = "--max-drop",
      paramLabel = "RATIO",
      defaultValue = "0.02",
      description =
          "Tolerance: largest drop of a rate (success_rate, accuracy, …) that passes (default: 0.02).")
  double maxDrop;

  @Option(
      names = "--max-increase",
      paramLabel = "PERCENT",
      defaultValue = "10%",
      description =
          "Tolerance: largest relative rise of a latency or cost that passes (default: 10%%).")
  String maxIncrease;

  @Override
  public Integer call() {
    if (noise) {
      return noise();
    }
    if (save != null) {
      throw invalid("--save", "must come with --noise, but was given without it");
    }
    if (dirs.size() != (baselines.dirs.isEmpty() ? Math.max(2, dirs.size()) : 1)) {
      throw invalid(
          "RUN_DIR",
          "must be BASELINE_RUN… RUN, or one RUN with --baseline, but was "
              + dirs.size()
              + " run directories"
              + (baselines.dirs.isEmpty() ? "" : " with --baseline"));
    }
    if (!(maxDrop >= 0)) {
      throw invalid("--max-drop", "must be at least 0, but was " + maxDrop);
    }
    Baseline baseline =
        baselines.dirs.isEmpty()
            ? baselines.baseline(dirs.subList(0, dirs.size() - 1))
            : baselines.baseline();
    Tolerance tolerance = new Tolerance(maxDrop, percent(maxIncrease));
    List<MetricDiff> diffs =
        RunDiff.compare(baseline, BaselineOptions.run(dirs.get(dirs.size() - 1)), tolerance);
    System.out.print(DiffTable.render(diffs, tolerance, baseline.runs().size()));
    return diffs.stream().anyMatch(MetricDiff::regression)
        ? ExitCodes.SLO_FAILED
        : ExitCodes.PASSED;
  }

  private int noise() {
    if (dirs.size() < 2) {
      throw invalid("RUN_DIR", "must be two or more runs with --noise, but was " + dirs.size());
    }
    List<RunDirectory> runs = dirs.stream().map(BaselineOptions::run).toList();
    List<RunNoise.Spread> spreads = RunNoise.of(runs);
    System.out.print(DiffTable.renderNoise(spreads));
    if (save != null) {
      new NoiseProfile(spreads).write(save);
      System.out.println("noise profile: " + save);
    }
    return ExitCodes.PASSED;
  }

  private static double percent(String text) {
    String trimmed = text.trim();
    try {
      double value =
          trimmed.endsWith("%")
              ? Double.parseDouble(trimmed.substring(0, trimmed.length() - 1)) / 100
              : Double.parseDouble(trimmed);
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      throw invalid(
          "--max-increase",
          "must be a percentage such as 10% or a fraction such as 0.1, but was '" + text + "'");
    }
    throw invalid("--max-increase", "must be at least 0, but was '" + text + "'");
  }

  private static InvalidInputException invalid(String where, String message) {
    return new InvalidInputException(List.of(new Problem(where, 0, 0, "", message)));
  }
}
