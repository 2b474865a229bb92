package dev.gauntlet.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gauntlet.reports.internal.AtomicFiles;
import dev.gauntlet.reports.internal.html.HtmlReport;
import dev.gauntlet.run.Json;
import dev.gauntlet.run.TaskRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html in a real browser: every chart draws, offline, and nothing an agent wrote runs as script. The
 * screenshot lands in target/report-screenshots/ for a person to look at.
 */
class ReportHtmlChromiumTest {

  /** Agent output written to run script three ways; any that runs marks the page. */
  static final List<String> HOSTILE =
      List.of(
          "<script>document.title='pwned'</script>",
          "<img src=x onerror=\"document.body.setAttribute('data-pwned','img')\">",
          "</script><script>document.body.setAttribute('data-pwned','close')</script>",
          "</pre></dd><svg onload=\"document.body.setAttribute('data-pwned','svg')\"></svg>");

  @TempDir Path dir;

  static RunFixture hostileRun(Path dir) {
    RunFixture run =
        EvaluatorTest.stuckFor5s(new RunFixture(dir), 90_000)
            .slo("success_rate", 0.95, null)
            .slo("recovery_time", null, 3.0)
            .slo("latency.p95", null, 2.0)
            .slo("accuracy", 0.9, null);
    for (int i = 0; i < HOSTILE.size(); i++) {
      String text = HOSTILE.get(i);
      run.record(
          new TaskRecord(
              "evil-" + i,
              "france",
              0,
              RunFixture.START + 1_000 * i,
              40,
              200,
              text,
              null,
              List.of(text)));
      run.record(
          new TaskRecord(
              "evil-failed-" + i,
              "france",
              0,
              RunFixture.START + 1_000 * i,
              40,
              500,
              null,
              text,
              List.of()));
    }
    return run.fault(HOSTILE.get(2), 60_000, 65_000);
  }

  @Test
  void everyChartDrawsAndNoScriptFromTaskOutputsRuns() throws Exception {
    Chromium chromium = Chromium.require();
    RunFixture run = hostileRun(dir);
    ReportWriter.writeAll(run.evaluate(), RunFixture.dataset(), run.run);
    Path page = ReportWriter.report(run.run);

    String dom = chromium.dumpDom(page);

    assertThat(attribute(dom, "data-charts-drawn"))
        .as("charts with an SVG drawn, of " + HtmlReport.CHARTS)
        .isEqualTo(String.valueOf(HtmlReport.CHARTS.size()));
    for (String chart : HtmlReport.CHARTS) {
      assertThat(dom)
          .as(chart + " holds an SVG")
          .containsPattern("id=\"" + chart + "\"[^>]*>\\s*<div[^>]*>\\s*<svg");
    }
    assertThat(attribute(dom, "data-pwned")).as("no hostile script ran").isNull();
    String markup = dom.replaceAll("(?s)<script[^>]*>.*?</script>", "");
    assertThat(markup)
        .as("no hostile element was parsed")
        .doesNotContain("<img")
        .doesNotContain("<svg onload")
        .contains("<title>Gauntlet: smoke — FAILED</title>");
    assertThat(dom)
        .as("the hostile output is shown as text")
        .contains("&lt;script&gt;document.title='pwned'&lt;/script&gt;");
    chromium.screenshot(
        page, Path.of("target", "report-screenshots", "hostile-outage.png"), 1280, 3600);
  }

  /**
   * A two-minute run whose provider is down from 0:40 to 1:00 and whose retries cost more while it is: the per-bucket
   * charts show the dip, and series.jsonl holds it. The page stays in target/report-screenshots/series-run/.
   */
  @Test
  void perBucketChartsShowAnOutage() throws Exception {
    Chromium chromium = Chromium.require();
    Path runDir = Path.of("target", "report-screenshots", "series-run");
    AtomicFiles.replace(AtomicFiles.staging(runDir), runDir); // a fresh directory on every run
    RunFixture run =
        new RunFixture(runDir)
            .completed(120_000)
            .fault("primary-503", 40_000, 60_000)
            .slo("success_rate", 0.95, null)
            .slo("latency.p95", null, 2.0)
            .slo("accuracy", 0.9, null)
            .slo("cost.per_task", null, 0.004);
    for (int i = 0; i < 1_200; i++) {
      long t = i * 100L;
      boolean down = t >= 40_000 && t < 60_000;
      boolean fails = down && i % 10 != 0;
      long latency = (down ? 2_500 : t >= 60_000 && t < 75_000 ? 1_400 : 600) + (i * 37) % 400;
      run.record(
          new TaskRecord(
              "t" + i,
              "france",
              0,
              RunFixture.START + t,
              latency,
              fails ? 503 : 200,
              fails ? null : i % 23 == 0 ? "Lyon" : "Paris",
              fails ? "provider returned 503" : null,
              List.of()));
      run.ledger(t + 50, "t" + i, down ? 0.006 : 0.002);
    }
    ReportWriter.writeAll(run.evaluate(), RunFixture.dataset(), run.run);

    List<String> series = Files.readAllLines(ReportWriter.series(run.run));
    JsonNode outage = Json.mapper().readTree(series.get(4));

    assertThat(series).as("12 buckets of 10 s").hasSize(12);
    assertThat(outage.get("start_ms").asLong()).isEqualTo(RunFixture.START + 40_000);
    assertThat(outage.get("success_rate").asDouble())
        .as("0:40-0:50: one task in ten got through")
        .isEqualTo(0.1);
    assertThat(outage.get("cost.per_task").asDouble()).isCloseTo(0.006, within(1e-12));
    assertThat(chromium.dumpDom(ReportWriter.report(run.run))).contains("data-charts-drawn=\"10\"");
    chromium.screenshot(
        ReportWriter.report(run.run),
        Path.of("target", "report-screenshots", "series.png"),
        1400,
        2600);
  }

  private static String attribute(String html, String name) {
    Matcher m = Pattern.compile("<body[^>]*\\s" + name + "=\"([^\"]*)\"").matcher(html);
    return m.find() ? m.group(1) : null;
  }

  @Test
  void pageWorksWithoutTheNetworkAndHasNoScriptButItsOwn() throws Exception {
    RunFixture run = hostileRun(dir);
    ReportWriter.writeAll(run.evaluate(), RunFixture.dataset(), run.run);

    String html = Files.readString(ReportWriter.report(run.run));

    assertThat(Pattern.compile("<script").matcher(html).results().count())
        .as("data, ECharts, report.js")
        .isEqualTo(3);
    assertThat(html)
        .doesNotContainPattern("(?i)<(script|link|img|iframe)[^>]+(src|href)=\"?(https?:)?//");
    assertThat(html).contains("Content-Security-Policy").contains("script-src 'sha256-");
    for (String hostile : HOSTILE) {
      assertThat(html).doesNotContain(hostile);
    }
  }
}
