package dev.gauntlet.reports.internal;

import dev.gauntlet.reports.Evaluator;
import dev.gauntlet.reports.FaultPlaneCheck;
import dev.gauntlet.reports.FaultWindowResult;
import dev.gauntlet.reports.SloResult;
import dev.gauntlet.reports.Status;
import dev.gauntlet.reports.Verdict;
import dev.gauntlet.reports.metrics.RecoveryResult;
import dev.gauntlet.run.RunInfo;
import java.util.List;
import java.util.Locale;

/**
 * The verdict as summary.md, for pull requests and CI job summaries: the verdict, the SLO table, key metrics, fault
 * windows, the seed and, when the run did not complete, why. Cells are escaped. Thread-safe (stateless).
 */
public final class SummaryMarkdown {

  private SummaryMarkdown() {}

  public static String text(Verdict verdict) {
    StringBuilder md = new StringBuilder();
    md.append("# Gauntlet: ")
        .append(cell(verdict.scenario()))
        .append(" — ")
        .append(verdict.status().name())
        .append("\n\n");
    md.append(cell(verdict.reason()))
        .append(". Exit code ")
        .append(verdict.exitCode())
        .append(".\n\n");
    slos(md, verdict.slos());
    metrics(md, verdict);
    windows(md, verdict.faultWindows());
    harness(md, verdict.faultPlaneChecks());
    md.append("## Run\n\n");
    md.append("- seed: `")
        .append(verdict.seed())
        .append("` (a rerun with this seed repeats every random choice)\n");
    md.append("- tasks: ").append(verdict.tasks()).append('\n');
    md.append("- outcome: ").append(cell(verdict.outcome())).append('\n');
    if (!verdict.warmup().isZero()) {
      md.append("- warm-up: the first ")
          .append(verdict.warmup().toMillis() / 1000.0)
          .append(" s ran but count in no metric\n");
    }
    md.append("- ").append(cell(verdict.harness().summary())).append('\n');
    if (!RunInfo.COMPLETED.equals(verdict.outcome()) && verdict.outcomeDetail() != null) {
      md.append("- outcome detail: ").append(cell(verdict.outcomeDetail())).append('\n');
    }
    return md.toString();
  }

  private static void slos(StringBuilder md, List<SloResult> slos) {
    md.append("## SLOs\n\n");
    if (slos.isEmpty()) {
      md.append("The scenario has no SLOs.\n\n");
      return;
    }
    md.append("| SLO | threshold | measured | miss | status |\n| --- | --- | --- | --- | --- |\n");
    for (SloResult slo : slos) {
      String status = slo.status() == Status.PASSED ? "PASSED" : "**" + slo.status().name() + "**";
      row(md, slo.name(), slo.threshold(), slo.measuredText(), Margin.of(slo).orElse(""), status);
    }
    md.append('\n');
    List<SloResult> notPassed = slos.stream().filter(slo -> slo.status() != Status.PASSED).toList();
    notPassed.forEach(slo -> md.append("- ").append(cell(Margin.message(slo))).append('\n'));
    md.append(notPassed.isEmpty() ? "" : "\n");
  }

  private static void metrics(StringBuilder md, Verdict verdict) {
    md.append("## Metrics (whole run)\n\n| metric | value |\n| --- | --- |\n");
    for (String metric : Evaluator.METRIC_ORDER) {
      Double value = verdict.metrics().get(metric);
      row(md, metric, value == null ? "n/a" : Format.value(metric, value));
    }
    md.append('\n');
  }

  private static void windows(StringBuilder md, List<FaultWindowResult> windows) {
    if (windows.isEmpty()) {
      return;
    }
    md.append("## Fault windows\n\n");
    md.append(
        "| fault | kind | duration | recovery | failover | detected | success before | during | after |\n");
    md.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
    for (FaultWindowResult w : windows) {
      row(
          md,
          w.fault(),
          w.kind(),
          Format.number((w.endMs() - w.startMs()) / 1000.0, 3) + " s",
          recovery(w),
          failover(w),
          detected(w),
          ratio(w.before().successRate()),
          ratio(w.during().successRate()),
          ratio(w.after().successRate()));
    }
    md.append('\n');
  }

  /** One line per harness check: its name, passed or unresolved, and why. */
  private static void harness(StringBuilder md, List<FaultPlaneCheck> checks) {
    if (checks.isEmpty()) {
      return;
    }
    md.append("## Harness checks\n\n");
    for (FaultPlaneCheck check : checks) {
      md.append("- ")
          .append(check.name())
          .append(": ")
          .append(check.unresolved() ? "**UNRESOLVED**" : check.status().label())
          .append(" — ")
          .append(cell(check.message()))
          .append('\n');
    }
    md.append('\n');
  }

  /** A window's recovery as text: {@code 4.2 s}, {@code not recovered (≥ 9 s)}, {@code no data after the window}. */
  public static String recovery(FaultWindowResult window) {
    RecoveryResult recovery = window.recovery();
    return switch (recovery.state()) {
      case RECOVERED -> Format.number(recovery.seconds(), 3) + " s";
      case NOT_RECOVERED -> "not recovered (≥ " + Format.number(recovery.seconds(), 3) + " s)";
      case NO_DATA -> "no data after the window";
    };
  }

  /** A window's failover as text: {@code 2 s}, {@code not failed over (≥ 12 s)}, {@code no data in the window}. */
  public static String failover(FaultWindowResult window) {
    RecoveryResult failover = window.timing().failover();
    return switch (failover.state()) {
      case RECOVERED -> Format.number(failover.seconds(), 3) + " s";
      case NOT_RECOVERED -> "not failed over (≥ " + Format.number(failover.seconds(), 3) + " s)";
      case NO_DATA -> "no data in the window";
    };
  }

  /** A window's time to detect as text: {@code 0.12 s}, {@code nothing showed}, {@code no data in the window}. */
  public static String detected(FaultWindowResult window) {
    RecoveryResult detection = window.timing().detection();
    return switch (detection.state()) {
      case RECOVERED -> Format.number(detection.seconds(), 3) + " s";
      case NOT_RECOVERED -> "nothing showed";
      case NO_DATA -> "no data in the window";
    };
  }

  private static String ratio(Double value) {
    return value == null ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
  }

  private static void row(StringBuilder md, String... cells) {
    md.append('|');
    for (String cell : cells) {
      md.append(' ').append(cell(cell)).append(" |");
    }
    md.append('\n');
  }

  /** Text safe in a table cell: pipes, backslashes and HTML tags escaped, line breaks flattened. */
  static String cell(String text) {
    if (text == null) {
      return "";
    }
    return text.replace("\\", "\\\\")
        .replace("|", "\\|")
        .replace("<", "&lt;")
        .replaceAll("[\\r\\n]+", " ");
  }
}
