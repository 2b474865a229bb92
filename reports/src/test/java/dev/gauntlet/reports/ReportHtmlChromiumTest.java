package dev.gauntlet.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.reports.internal.html.HtmlReport;
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
  static final List<String> HOSTILE = List.of(
      "<script>document.title='pwned'</script>",
      "<img src=x onerror=\"document.body.setAttribute('data-pwned','img')\">",
      "</script><script>document.body.setAttribute('data-pwned','close')</script>",
      "</pre></dd><svg onload=\"document.body.setAttribute('data-pwned','svg')\"></svg>");

  @TempDir
  Path dir;

  static RunFixture hostileRun(Path dir) {
    RunFixture run = EvaluatorTest.outage(new RunFixture(dir), 90_000)
        .slo("success_rate", 0.95, null).slo("recovery_time", null, 3.0).slo("latency.p95", null, 2.0)
        .slo("accuracy", 0.9, null);
    for (int i = 0; i < HOSTILE.size(); i++) {
      String text = HOSTILE.get(i);
      run.record(new TaskRecord("evil-" + i, "france", 0, RunFixture.START + 1_000 * i, 40, 200, text, null,
          List.of(text)));
      run.record(new TaskRecord("evil-failed-" + i, "france", 0, RunFixture.START + 1_000 * i, 40, 500, null, text,
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

    assertThat(attribute(dom, "data-charts-drawn")).as("charts with an SVG drawn, of " + HtmlReport.CHARTS)
        .isEqualTo(String.valueOf(HtmlReport.CHARTS.size()));
    for (String chart : HtmlReport.CHARTS) {
      assertThat(dom).as(chart + " holds an SVG").containsPattern("id=\"" + chart + "\"[^>]*>\\s*<div[^>]*>\\s*<svg");
    }
    assertThat(attribute(dom, "data-pwned")).as("no hostile script ran").isNull();
    String markup = dom.replaceAll("(?s)<script[^>]*>.*?</script>", "");
    assertThat(markup).as("no hostile element was parsed").doesNotContain("<img").doesNotContain("<svg onload")
        .contains("<title>Gauntlet: smoke — FAILED</title>");
    assertThat(dom).as("the hostile output is shown as text")
        .contains("&lt;script&gt;document.title='pwned'&lt;/script&gt;");
    chromium.screenshot(page, Path.of("target", "report-screenshots", "hostile-outage.png"), 1280, 3600);
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

    assertThat(Pattern.compile("<script").matcher(html).results().count()).as("data, ECharts, report.js").isEqualTo(3);
    assertThat(html).doesNotContainPattern("(?i)<(script|link|img|iframe)[^>]+(src|href)=\"?(https?:)?//");
    assertThat(html).contains("Content-Security-Policy").contains("script-src 'sha256-");
    for (String hostile : HOSTILE) {
      assertThat(html).doesNotContain(hostile);
    }
  }
}
