package dev.gauntlet.reports.internal.html;

import dev.gauntlet.reports.Evaluator;
import dev.gauntlet.reports.FaultWindowResult;
import dev.gauntlet.reports.SloResult;
import dev.gauntlet.reports.Status;
import dev.gauntlet.reports.TimeBucket;
import dev.gauntlet.reports.Verdict;
import dev.gauntlet.reports.internal.Format;
import dev.gauntlet.reports.internal.Margin;
import dev.gauntlet.reports.internal.SummaryMarkdown;
import dev.gauntlet.reports.internal.detail.RunDetails;
import dev.gauntlet.reports.internal.detail.Transcript;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The verdict and the run's details as report.html: one self-contained file that works offline. Charts are drawn by
 * Apache ECharts, inlined; the numbers travel as a JSON block the page's own script reads. A Content-Security-Policy
 * allows exactly those two scripts by hash, and every text from the run is escaped, so an agent's output can never
 * run as script. Thread-safe (stateless).
 */
public final class HtmlReport {

  /** The charts of the run over time, in buckets of the evaluation's width by the time tasks finished. */
  private static final List<String> TIME_CHARTS =
      List.of("chart-throughput", "chart-success", "chart-p95", "chart-accuracy", "chart-cost");

  /** The charts of the verdict's time buckets (series.jsonl), by the time tasks started. */
  private static final List<String> BUCKET_CHARTS =
      List.of(
          "chart-bucket-success", "chart-bucket-accuracy", "chart-bucket-p95", "chart-bucket-cost");

  /** The charts the page always draws, by element id; a test checks each one drew. */
  public static final List<String> CHARTS =
      Stream.of(TIME_CHARTS, List.of("chart-histogram"), BUCKET_CHARTS)
          .flatMap(List::stream)
          .toList();

  /** The memory chart's element id, on the page only when the run sampled memory (memory.jsonl). */
  public static final String MEMORY_CHART = "chart-memory";

  /** The fault-window table's column groups: title to metric; tasks first. */
  private static final Map<String, String> WINDOW_COLUMNS =
      columns(
          "tasks",
          "tasks",
          "success rate",
          "success_rate",
          "accuracy",
          "accuracy",
          "p95 latency (s)",
          "latency.p95",
          "cost per task (USD)",
          "cost.per_task");

  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");

  private HtmlReport() {}

  /** The page; {@code gatlingLink} is a path relative to the run directory, or null. */
  public static String text(Verdict verdict, RunDetails details, String gatlingLink) {
    Assets assets = Assets.get();
    String data = SafeJson.text(ChartData.tree(verdict, details));
    String status = verdict.status().label();
    StringBuilder html = new StringBuilder(assets.echarts.length() + 64 * 1024);
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src ")
        .append(Assets.hashSource(assets.echarts))
        .append(' ')
        .append(Assets.hashSource(assets.script))
        .append(
            "; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Gauntlet: ")
        .append(Html.escape(verdict.scenario()))
        .append(" — ")
        .append(verdict.status().name())
        .append("</title>\n<style>\n")
        .append(assets.style)
        .append("</style>\n")
        .append("</head>\n<body data-status=\"")
        .append(status)
        .append("\">\n<main>\n");
    header(html, verdict, gatlingLink);
    slos(html, verdict);
    charts(html, details);
    memory(html, details);
    windows(html, verdict.faultWindows());
    buckets(html, verdict);
    worst(html, details);
    metrics(html, verdict);
    html.append("<footer>Written by Gauntlet. Charts: Apache ECharts ")
        .append(Html.escape(assets.echartsVersion))
        .append(" (Apache License 2.0), inlined.</footer>\n</main>\n")
        .append("<script type=\"application/json\" id=\"gauntlet-data\">")
        .append(data)
        .append("</script>\n")
        .append("<script>")
        .append(assets.echarts)
        .append("</script>\n")
        .append("<script>")
        .append(assets.script)
        .append("</script>\n</body>\n</html>\n");
    return html.toString();
  }

  private static void header(StringBuilder html, Verdict verdict, String gatlingLink) {
    html.append("<header>\n<h1>")
        .append(Html.escape(verdict.scenario()))
        .append(" <span class=\"badge ")
        .append(verdict.status().label())
        .append("\">")
        .append(verdict.status().name())
        .append("</span></h1>\n")
        .append("<p class=\"reason\">")
        .append(Html.escape(verdict.reason()))
        .append(".</p>\n<p class=\"facts\">")
        .append("seed <code>")
        .append(verdict.seed())
        .append("</code> · ")
        .append(verdict.tasks())
        .append(" tasks")
        .append(" · outcome ")
        .append(Html.escape(verdict.outcome()));
    if (verdict.startedMs() > 0) {
      html.append(" · started ")
          .append(UTC.format(Instant.ofEpochMilli(verdict.startedMs()).atOffset(ZoneOffset.UTC)));
    }
    if (verdict.endedMs() > verdict.startedMs() && verdict.startedMs() > 0) {
      html.append(" · ")
          .append(Format.number((verdict.endedMs() - verdict.startedMs()) / 1000.0, 1))
          .append(" s");
    }
    html.append(" · exit code ").append(verdict.exitCode()).append("</p>\n");
    if (verdict.outcomeDetail() != null && !verdict.runCompleted()) {
      html.append("<p class=\"detail\">")
          .append(Html.escape(verdict.outcomeDetail()))
          .append("</p>\n");
    }
    html.append("<p class=\"")
        .append(verdict.harness().fellBehind() ? "detail" : "facts")
        .append("\">")
        .append(
            verdict.warmup().isZero()
                ? ""
                : "warm-up "
                    + Format.number(verdict.warmup().toMillis() / 1000.0, 1)
                    + " s (run, not judged) · ")
        .append(Html.escape(verdict.harness().summary()))
        .append("</p>\n");
    html.append(
        gatlingLink == null
            ? "<p class=\"links\">Gatling's report: not in this run directory.</p>\n"
            : "<p class=\"links\"><a href=\""
                + Html.escape(gatlingLink)
                + "\">Gatling's own report</a> · "
                + "<a href=\"verdict.json\">verdict.json</a> · <a href=\"junit.xml\">junit.xml</a></p>\n");
    html.append("</header>\n");
  }

  private static void slos(StringBuilder html, Verdict verdict) {
    html.append("<section id=\"verdict\">\n<h2>SLOs</h2>\n");
    if (verdict.slos().isEmpty()) {
      html.append("<p>The scenario has no SLOs.</p>\n</section>\n");
      return;
    }
    html.append(
            "<table class=\"slos\">\n<thead><tr><th>SLO</th><th>threshold</th><th>measured</th><th>miss</th>")
        .append("<th>status</th></tr></thead>\n<tbody>\n");
    for (SloResult slo : verdict.slos()) {
      html.append("<tr class=\"")
          .append(slo.status().label())
          .append("\"><td>")
          .append(Html.escape(slo.name()))
          .append("</td><td>")
          .append(Html.escape(slo.threshold()))
          .append("</td><td>")
          .append(Html.escape(slo.measuredText()))
          .append("</td><td>")
          .append(Html.escape(Margin.of(slo).orElse("")))
          .append("</td><td><span class=\"badge ")
          .append(slo.status().label())
          .append("\">")
          .append(slo.status().label())
          .append("</span></td></tr>\n");
      if (slo.status() != Status.PASSED) {
        html.append("<tr class=\"message\"><td colspan=\"5\">")
            .append(Html.escape(slo.message()))
            .append("</td></tr>\n");
      }
    }
    html.append("</tbody>\n</table>\n</section>\n");
  }

  private static void charts(StringBuilder html, RunDetails details) {
    html.append("<section id=\"timeseries\">\n<h2>Over time</h2>\n<p class=\"legend\">")
        .append(
            "<span class=\"swatch fault\"></span> fault on <span class=\"swatch recovery\"></span> ")
        .append(
            "recovering (until tasks started after the fault are healthy again) <span class=\"swatch bound\">")
        .append("</span> SLO bound · green line: recovered, blue line: failed over · ")
        .append("buckets of ")
        .append(Format.number(details.series().bucketMs() / 1000.0, 1))
        .append(" s by the time tasks finished</p>\n");
    for (String chart : TIME_CHARTS) {
      html.append("<div class=\"chart\" id=\"").append(chart).append("\"></div>\n");
    }
    html.append("</section>\n<section id=\"latency\">\n<h2>Latency of successful tasks</h2>\n")
        .append("<div class=\"chart tall\" id=\"chart-histogram\"></div>\n</section>\n");
  }

  private static void memory(StringBuilder html, RunDetails details) {
    if (details.memory().isEmpty()) {
      return;
    }
    html.append(
            "<section id=\"memory\">\n<h2>Memory of self-hosted servers</h2>\n<p class=\"legend\">")
        .append("Used memory per source; dashed: its capacity; vertical lines: restarts; ")
        .append(
            "<span class=\"swatch fault\"></span> fault on. The legend gives each source's leak rate, fitted ")
        .append("between restarts, with its 95% confidence interval.</p>\n")
        .append("<div class=\"chart tall\" id=\"")
        .append(MEMORY_CHART)
        .append("\"></div>\n</section>\n");
  }

  private static void windows(StringBuilder html, List<FaultWindowResult> windows) {
    html.append("<section id=\"faults\">\n<h2>Fault windows</h2>\n");
    if (windows.isEmpty()) {
      html.append("<p>No fault was switched on in this run.</p>\n</section>\n");
      return;
    }
    html.append(
            "<p class=\"legend\">Tasks by the time they started, cost by the time it was spent; every metric ")
        .append(
            "for each phase is in verdict.json (<code>fault_windows[].before</code>, <code>during</code>, ")
        .append(
            "<code>after</code>).</p>\n<table class=\"windows\">\n<thead><tr><th rowspan=\"2\">fault</th>")
        .append("<th rowspan=\"2\">duration</th><th rowspan=\"2\">recovery</th>")
        .append("<th rowspan=\"2\">failover</th><th rowspan=\"2\">detected</th>");
    WINDOW_COLUMNS
        .keySet()
        .forEach(title -> html.append("<th colspan=\"3\">").append(title).append("</th>"));
    html.append("</tr>\n<tr>")
        .append("<th>before</th><th>during</th><th>after</th>".repeat(WINDOW_COLUMNS.size()))
        .append("</tr></thead>\n<tbody>\n");
    for (FaultWindowResult w : windows) {
      html.append("<tr><td>")
          .append(Html.escape(w.fault()))
          .append("<br><span class=\"kind\">")
          .append(Html.escape(w.kind()))
          .append("</span></td><td>")
          .append(Format.number((w.endMs() - w.startMs()) / 1000.0, 3))
          .append(" s</td><td>")
          .append(Html.escape(SummaryMarkdown.recovery(w)))
          .append(resolution(w))
          .append("</td><td>")
          .append(Html.escape(SummaryMarkdown.failover(w)))
          .append("</td><td>")
          .append(Html.escape(SummaryMarkdown.detected(w)))
          .append("</td>");
      List<FaultWindowResult.Phase> phases = List.of(w.before(), w.during(), w.after());
      for (String metric : WINDOW_COLUMNS.values()) {
        for (int i = 0; i < phases.size(); i++) {
          html.append(i == 1 ? "<td class=\"during\">" : "<td>")
              .append(cell(metric, phases.get(i)))
              .append("</td>");
        }
      }
      html.append("</tr>\n");
    }
    html.append("</tbody>\n</table>\n</section>\n");
  }

  /** The resolution recovery and failover were measured at, under the recovery: {@code 1 s buckets}. */
  private static String resolution(FaultWindowResult w) {
    double seconds = w.timing().resolutionSeconds();
    return seconds <= 0
        ? ""
        : "<br><span class=\"kind\">" + Format.number(seconds, 3) + " s buckets</span>";
  }

  private static String cell(String metric, FaultWindowResult.Phase phase) {
    if ("tasks".equals(metric)) {
      return String.valueOf(phase.tasks());
    }
    Double value = phase.metrics().get(metric);
    if (value == null) {
      return "n/a";
    }
    // Units are in the column's title, so the cells stay narrow enough for fifteen of them.
    return metric.startsWith("cost.")
        ? "$" + Format.number(value, 5)
        : metric.startsWith("latency.")
            ? Format.number(value, 3)
            : Html.escape(Format.value(metric, value));
  }

  private static void buckets(StringBuilder html, Verdict verdict) {
    html.append("<section id=\"buckets\">\n<h2>Metrics per time bucket</h2>\n<p class=\"legend\">");
    if (verdict.series().isEmpty()) {
      html.append("No task was recorded.");
    } else {
      TimeBucket first = verdict.series().get(0);
      html.append("Buckets of ")
          .append(Format.number((first.endMs() - first.startMs()) / 1000.0, 1))
          .append(
              " s by the time tasks started (cost: by the time it was spent), each point at its bucket's ")
          .append(
              "middle; <span class=\"swatch fault\"></span> fault on. Every metric per bucket is in ")
          .append("<a href=\"series.jsonl\">series.jsonl</a>.");
    }
    html.append("</p>\n<div class=\"grid2\">\n");
    BUCKET_CHARTS.forEach(
        chart -> html.append("<div class=\"chart\" id=\"").append(chart).append("\"></div>\n"));
    html.append("</div>\n</section>\n");
  }

  private static void worst(StringBuilder html, RunDetails details) {
    html.append(
            "<section id=\"worst\">\n<h2>Worst tasks</h2>\n<p class=\"legend\">One failed task per distinct ")
        .append(
            "error, the first wrong answers, the slowest successes. Agent output is shown as text.</p>\n");
    if (details.worst().isEmpty()) {
      html.append("<p>No task was recorded.</p>\n");
    }
    Transcript.Kind previous = null;
    for (Transcript transcript : details.worst()) {
      TranscriptHtml.append(
          html, transcript, transcript.kind() != previous); // the first of each kind unfolded
      previous = transcript.kind();
    }
    html.append("</section>\n");
  }

  private static void metrics(StringBuilder html, Verdict verdict) {
    html.append(
        "<section id=\"metrics\">\n<h2>Metrics (whole run)</h2>\n<table class=\"metrics\">\n<tbody>\n");
    for (String metric : Evaluator.METRIC_ORDER) {
      Double value = verdict.metrics().get(metric);
      html.append("<tr><td>")
          .append(metric)
          .append("</td><td>")
          .append(value == null ? "n/a" : Html.escape(Format.value(metric, value)))
          .append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n</section>\n");
  }

  private static Map<String, String> columns(String... titlesAndMetrics) {
    Map<String, String> columns = new LinkedHashMap<>();
    for (int i = 0; i < titlesAndMetrics.length; i += 2) {
      columns.put(titlesAndMetrics[i], titlesAndMetrics[i + 1]);
    }
    return columns;
  }
}
