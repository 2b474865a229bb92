package dev.gauntlet.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.dataset.Dataset;
import dev.gauntlet.dataset.Expectation;
import dev.gauntlet.dataset.Item;
import dev.gauntlet.run.JsonLinesWriter;
import dev.gauntlet.run.RunDirectory;
import dev.gauntlet.run.TaskRecord;
import dev.gauntlet.run.TimelineEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressTest {

  @TempDir Path dir;

  private ProgressSources sources() {
    Dataset dataset =
        new Dataset(
            "d",
            "1",
            "qa",
            List.of(),
            List.of(
                new Item(
                    "paris",
                    "capital of France?",
                    new Expectation.Contains(List.of("Paris")),
                    List.of(),
                    List.of(),
                    List.of(),
                    1)),
            dir);
    RunDirectory run = RunDirectory.create(dir.resolve("run"));
    try (JsonLinesWriter<TimelineEvent> timeline = JsonLinesWriter.append(run.timeline())) {
      timeline.write(
          new TimelineEvent(1_000, "primary-503", "outage", TimelineEvent.ON, "primary"));
      timeline.write(
          new TimelineEvent(2_000, "slow-tools", "tool_latency", TimelineEvent.ON, null));
      timeline.write(
          new TimelineEvent(3_000, "slow-tools", "tool_latency", TimelineEvent.OFF, null));
    }
    return ProgressSources.of(dataset, run);
  }

  private static TaskRecord task(String output, long latencyMs) {
    return new TaskRecord(
        "t",
        "paris",
        0,
        0,
        latencyMs,
        output == null ? 503 : 200,
        output,
        output == null ? "provider returned 503" : null,
        List.of());
  }

  @Test
  void lineShowsRateSuccessP95AccuracyActiveFaultsAndTimeLeft() {
    ProgressSources sources = sources();
    Progress progress = new Progress(System.out, Duration.ofSeconds(30), 600, sources, false);
    List.of(task("Paris.", 100), task("Lyon.", 300), task("It is Paris", 200), task(null, 5))
        .forEach(progress::accept);

    String line = progress.line(2.0, sources.activeFaults());

    assertThat(line)
        .isEqualTo(
            "  0:02 / 0:30  tasks 4 (2.0/s, target 10.0/s)  ok 75.0%  p95 0.30 s  acc 66.7%  "
                + "faults primary-503  ETA 0:28");
  }

  @Test
  void aSelfHostedServersEventsLeaveItsLeakOn() {
    RunDirectory run = RunDirectory.create(dir.resolve("leak"));
    try (JsonLinesWriter<TimelineEvent> timeline = JsonLinesWriter.append(run.timeline())) {
      timeline.write(new TimelineEvent(1_000, "local-leak", "gpu_leak", TimelineEvent.ON, "local"));
      timeline.write(
          new TimelineEvent(2_000, "local-leak", "gpu_leak", TimelineEvent.OOM, "local"));
      timeline.write(
          new TimelineEvent(3_000, "local-leak", "gpu_leak", TimelineEvent.RESTART, "local"));
      timeline.write(
          new TimelineEvent(4_000, "local-leak", "gpu_leak", TimelineEvent.READY, "local"));
    }

    assertThat(
            ProgressSources.of(new Dataset("d", "1", "qa", List.of(), List.of(), dir), run)
                .activeFaults())
        .containsExactly("local-leak");
  }

  @Test
  void countsTasksSentAgainstTheTargetRateAndTasksDoneApart() {
    Progress progress = new Progress(System.out, Duration.ofSeconds(30), 600);
    for (int i = 0; i < 25; i++) {
      progress.sent();
    }
    progress.accept(task("Paris.", 100));

    assertThat(progress.line(2.5, List.of()))
        .startsWith("  0:02 / 0:30  sent 25 (10.0/s, target 10.0/s)  done 1  ok 100.0%");
  }

  @Test
  void withoutDatasetOrFaultsTheLineSaysSo() {
    Progress progress = new Progress(System.out, Duration.ofHours(2), 600);

    assertThat(progress.line(3_700, List.of()))
        .isEqualTo(
            "  1:01:40 / 2:00:00  tasks 0 (0.0/s, target 10.0/s)  ok n/a  p95 n/a  faults none  ETA 58:20");
  }

  @Test
  void plainLinesComeEverySixtiethOfTheRunWithinFiveToSixtySeconds() {
    assertThat(Progress.plainIntervalSeconds(Duration.ofSeconds(30))).isEqualTo(5);
    assertThat(Progress.plainIntervalSeconds(Duration.ofMinutes(30))).isEqualTo(30);
    assertThat(Progress.plainIntervalSeconds(Duration.ofHours(4))).isEqualTo(60);
  }

  @Test
  void liveModeRewritesOneLineAndEndsItOnClose() throws InterruptedException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    try (Progress progress =
        new Progress(out, Duration.ofSeconds(30), 600, ProgressSources.none(), true)) {
      progress.start();
      Thread.sleep(2_300);
    }

    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(text)
        .startsWith("\r  0:01 / 0:30")
        .contains("\033[K\r  0:02 / 0:30")
        .endsWith("\033[K\n");
    assertThat(text.chars().filter(c -> c == '\n').count())
        .as("one line break, at the end")
        .isEqualTo(1);
  }
}
