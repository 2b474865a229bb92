package dev.gauntlet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.engine.ExitCodes;
import dev.gauntlet.run.Json;
import dev.gauntlet.run.JsonLinesWriter;
import dev.gauntlet.run.RunDirectory;
import dev.gauntlet.run.RunInfo;
import dev.gauntlet.run.TaskRecord;
import dev.gauntlet.run.TimelineEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gauntlet report RUN_DIR} rewrites every report of a finished run from its files, with the dataset. */
class ReportCommandTest {

  private static final Path HOME = Path.of(System.getProperty("gauntlet.home", ".."));
  private static final long START = 1_700_000_000_000L;
  private static final String RIGHT =
      "Order A14327 was cancelled on 2025-03-07; the total of 427.97 USD was refunded "
          + "to original payment method.";

  @Test
  void regeneratesEveryReportWithAccuracyFromTheDataset(@TempDir Path dir) throws IOException {
    RunDirectory run = RunDirectory.create(dir);
    Files.copy(HOME.resolve("scenarios/provider-outage.yaml"), run.scenario());
    Json.mapper()
        .writeValue(
            run.runInfo().toFile(),
            new RunInfo(
                "provider-outage",
                7,
                "naive",
                START,
                START + 40_000,
                600,
                RunInfo.COMPLETED,
                null));
    try (JsonLinesWriter<TaskRecord> records = JsonLinesWriter.append(run.records());
        JsonLinesWriter<TimelineEvent> timeline = JsonLinesWriter.append(run.timeline())) {
      timeline.write(
          new TimelineEvent(START + 10_000, "primary-503", "outage", TimelineEvent.ON, "primary"));
      timeline.write(
          new TimelineEvent(START + 22_000, "primary-503", "outage", TimelineEvent.OFF, "primary"));
      for (long t = 0; t < 40_000; t += 100) {
        boolean down = t >= 10_000 && t < 22_000;
        records.write(
            new TaskRecord(
                "t" + t,
                "cs-0029",
                0,
                START + t,
                50,
                down ? 502 : 200,
                down ? null : RIGHT,
                down ? "provider returned 502" : null,
                List.of("lookup_order")));
      }
    }

    Console console = Console.run("report", dir.toString());

    assertThat(console.exitCode())
        .as(console.out() + console.err())
        .isEqualTo(ExitCodes.SLO_FAILED);
    assertThat(console.out())
        .contains("success_rate   >= 0.95    0.700     FAILED  0.250 below the minimum")
        .contains("report: " + dir.resolve("report.html"));
    assertThat(Files.readString(dir.resolve("report.html")))
        .contains("<title>Gauntlet: provider-outage — FAILED")
        .contains("\"scored\":true")
        .contains("provider returned 502");
    assertThat(dir.resolve("allure-results")).isDirectoryContaining("glob:**-result.json");
    assertThat(dir.resolve("junit.xml")).content().contains("0.250 below the minimum");
  }
}
