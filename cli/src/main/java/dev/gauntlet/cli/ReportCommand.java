package dev.gauntlet.cli;

import dev.gauntlet.dataset.Dataset;
import dev.gauntlet.dataset.DatasetLoader;
import dev.gauntlet.engine.RunInputs;
import dev.gauntlet.reports.ConsoleTable;
import dev.gauntlet.reports.Evaluator;
import dev.gauntlet.reports.ReportWriter;
import dev.gauntlet.reports.Verdict;
import dev.gauntlet.run.RunDirectory;
import dev.gauntlet.scenario.InvalidInputException;
import dev.gauntlet.scenario.Problem;
import dev.gauntlet.scenario.Scenario;
import dev.gauntlet.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gauntlet report RUN_DIR}: evaluates a finished (or interrupted) run again from its files and rewrites its
 * verdict and every report (verdict.json, junit.xml, summary.md, report.html, allure-results/), optionally against
 * the SLOs of another scenario file and, for SLOs relative to a baseline, against a baseline run.
 */
@Command(
    name = "report",
    description =
        "Re-evaluate a run directory and rewrite its verdict and reports "
            + "(verdict.json, junit.xml, summary.md, report.html, allure-results/).")
final class ReportCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      paramLabel = "RUN_DIR",
      description = "A run directory written by gauntlet run.")
  Path dir;

  @Option(
      names = "--scenario",
      paramLabel = "FILE",
      description = "Judge with this scenario's SLOs instead of the run's own copy.")
  Path scenarioFile;

  @Mixin BaselineOptions baselines = new BaselineOptions();

  @Override
  public Integer call() {
    RunDirectory run = new RunDirectory(dir);
    Path file = scenarioFile != null ? scenarioFile : run.scenario();
    if (!Files.exists(file)) {
      throw new InvalidInputException(
          List.of(
              new Problem(
                  file.toString(),
                  0,
                  0,
                  "",
                  "must be a run directory holding scenario.yaml, but "
                      + file
                      + " does not exist")));
    }
    Scenario scenario = ScenarioLoader.load(file);
    Dataset dataset = DatasetLoader.load(RunInputs.datasetDir(file, scenario.dataset()));
    Verdict verdict = Evaluator.evaluate(scenario, dataset, run, baselines.baseline());
    ReportWriter.writeAll(verdict, dataset, run);
    System.out.print(ConsoleTable.render(verdict));
    System.out.println("report: " + ReportWriter.report(run));
    return verdict.exitCode();
  }
}
