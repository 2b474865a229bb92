package dev.gauntlet.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What report.html and summary.md say about a window: recovery with its resolution, failover and time to detect, and
 * the chart data the recovery and failover lines are drawn from (report.js draws them; ReportHtmlChromiumTest draws
 * the page where a Chromium is installed).
 */
class RecoveryMarkersTest {

  @TempDir Path dir;

  @Test
  void theWindowTableAndChartDataStateRecoveryFailoverDetectionAndTheResolution()
      throws IOException {
    // Fails the first 2 s of the outage (then fails over), answers every task after it.
    RunFixture run =
        new RunFixture(dir)
            .completed(60_000)
            .slo("failover_time", null, 3.0)
            .fault("outage-1", 20_000, 30_000)
            .tasks(0, 20_000, 100, 50, true)
            .tasks(20_000, 22_000, 100, 50, false)
            .tasks(22_000, 60_000, 100, 50, true);
    Verdict verdict = run.evaluate();

    ReportWriter.writeAll(verdict, run.run);

    String html = Files.readString(ReportWriter.report(run.run));
    assertThat(html)
        .contains("<th rowspan=\"2\">failover</th><th rowspan=\"2\">detected</th>")
        .contains("0 s<br><span class=\"kind\">1 s buckets</span></td><td>2 s</td><td>0.05 s</td>")
        .contains("\"failover\":\"recovered\"")
        .contains("\"failover_s\":2.0")
        .contains("\"resolution_s\":1.0");
    String summary = Files.readString(run.run.summary());
    assertThat(summary)
        .contains("| fault | kind | duration | recovery | failover | detected |")
        .contains("| 0 s | 2 s | 0.05 s |");
  }
}
