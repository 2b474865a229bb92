package dev.gauntlet.reports;

import dev.gauntlet.dataset.Dataset;
import dev.gauntlet.reports.internal.AtomicFiles;
import dev.gauntlet.reports.internal.JunitXml;
import dev.gauntlet.reports.internal.SeriesJsonl;
import dev.gauntlet.reports.internal.SummaryMarkdown;
import dev.gauntlet.reports.internal.VerdictJson;
import dev.gauntlet.reports.internal.allure.AllureWriter;
import dev.gauntlet.reports.internal.detail.RunDetails;
import dev.gauntlet.reports.internal.html.GatlingReport;
import dev.gauntlet.reports.internal.html.HtmlReport;
import dev.gauntlet.run.RunDirectory;
import java.nio.file.Path;

/**
 * Writes a verdict into its run directory: verdict.json, junit.xml, summary.md and series.jsonl first (what a CI gate
 * reads), then report.html and allure-results/, which also read the run's records and ledger. Each file is written to a
 * temporary sibling and moved into place, so a reader never sees half a report. Thread-safe (stateless), though two
 * writers of the same run directory race on which verdict wins.
 */
public final class ReportWriter {

  private ReportWriter() {}

  /** Writes every report of {@code verdict} into {@code run}, without a dataset: report.html shows no accuracy. */
  public static void writeAll(Verdict verdict, RunDirectory run) {
    writeAll(verdict, null, run);
  }

  /**
   * Writes every report of {@code verdict} into {@code run}; {@code dataset} (may be null) scores the answers
   * report.html charts and shows with the worst tasks.
   */
  public static void writeAll(Verdict verdict, Dataset dataset, RunDirectory run) {
    writeGate(verdict, run);
    RunDetails details = RunDetails.read(verdict, dataset, run);
    AtomicFiles.write(report(run), HtmlReport.text(verdict, details, GatlingReport.link(run)));
    AllureWriter.write(verdict, details, run.verdict(), report(run), allureResults(run));
  }

  /**
   * Writes only what a CI gate reads: verdict.json, junit.xml and summary.md, plus series.jsonl (the metrics per
   * time bucket). None of them reads the run's files again, so this is as cheap as the verdict is small.
   */
  public static void writeGate(Verdict verdict, RunDirectory run) {
    AtomicFiles.write(run.verdict(), VerdictJson.text(verdict));
    AtomicFiles.write(run.junit(), JunitXml.text(verdict));
    AtomicFiles.write(run.summary(), SummaryMarkdown.text(verdict));
    AtomicFiles.write(series(run), SeriesJsonl.text(verdict));
  }

  /** The run's series.jsonl: every segment metric per time bucket. */
  public static Path series(RunDirectory run) {
    return run.root().resolve("series.jsonl");
  }

  /** The run's report.html. */
  public static Path report(RunDirectory run) {
    return run.root().resolve("report.html");
  }

  /** The run's allure-results directory. */
  public static Path allureResults(RunDirectory run) {
    return run.root().resolve("allure-results");
  }
}
