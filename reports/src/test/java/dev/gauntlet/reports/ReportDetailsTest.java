package dev.gauntlet.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.reports.internal.detail.RunDetails;
import dev.gauntlet.reports.internal.detail.TimeSeries;
import dev.gauntlet.reports.internal.detail.Transcript;
import dev.gauntlet.run.TaskRecord;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportDetailsTest {

  @TempDir Path dir;

  @Test
  void seriesShowsTheOutageWhereItHappened() {
    RunFixture run =
        EvaluatorTest.outage(new RunFixture(dir), 90_000).slo("success_rate", 0.95, null);
    Verdict verdict = run.evaluate();

    TimeSeries series = RunDetails.read(verdict, RunFixture.dataset(), run.run).series();

    assertThat(series.bucketMs()).isEqualTo(1000);
    assertThat(series.points()).hasSize(90);
    TimeSeries.Point inside = series.points().get(25);
    assertThat(inside.endS()).isEqualTo(26.0);
    assertThat(inside.successRate()).isEqualTo(0.0);
    assertThat(inside.accuracy()).as("nothing succeeded, so nothing was scored").isNull();
    assertThat(series.points().get(60).successRate()).isEqualTo(1.0);
    assertThat(series.points().get(60).throughput()).isEqualTo(10.0);
  }

  @Test
  void longRunsAreMergedIntoAFewHundredBuckets() {
    RunFixture run = new RunFixture(dir).completed(3_600_000).tasks(0, 3_600_000, 1_000, 20, true);

    TimeSeries series = RunDetails.read(run.evaluate(), RunFixture.dataset(), run.run).series();

    assertThat(series.points().size()).isBetween(200, 240);
    assertThat(series.bucketMs()).isEqualTo(15_000);
    assertThat(series.points().get(10).throughput()).isEqualTo(1.0);
  }

  @Test
  void worstTasksAreOneFailurePerErrorThenWrongAnswersThenTheSlowest() {
    RunFixture run = new RunFixture(dir).completed(10_000).tasks(0, 5_000, 100, 20, false);
    run.record(
        new TaskRecord(
            "wrong", "france", 0, RunFixture.START + 6_000, 30, 200, "Lyon", null, List.of()));
    run.record(
        new TaskRecord(
            "slow", "france", 0, RunFixture.START + 7_000, 900, 200, "Paris", null, List.of()));
    run.record(
        new TaskRecord(
            "timeout",
            "france",
            0,
            RunFixture.START + 8_000,
            20_000,
            0,
            null,
            "timed out",
            List.of()));

    List<Transcript> worst = RunDetails.read(run.evaluate(), RunFixture.dataset(), run.run).worst();

    assertThat(worst)
        .extracting(t -> t.kind() + " " + t.task().taskId() + " x" + t.alike())
        .containsExactly("FAILED t0 x50", "FAILED timeout x1", "WRONG wrong x1", "SLOW slow x1");
    assertThat(worst.get(0).item().input()).isEqualTo("question france");
  }

  @Test
  void theWarmUpIsDrawnOverTimeButLeftOutOfTheHistogramAndTheWorstTasks() {
    RunFixture run =
        new RunFixture(dir)
            .workload(
                new dev.gauntlet.scenario.Workload(
                    dev.gauntlet.scenario.Workload.Protocol.SYNC,
                    List.of(
                        new dev.gauntlet.scenario.Stage(
                            600, 600, java.time.Duration.ofSeconds(40))),
                    java.time.Duration.ofSeconds(30),
                    1,
                    dev.gauntlet.scenario.Workload.DEFAULT_POLL_INTERVAL,
                    java.time.Duration.ofSeconds(10)))
            .completed(40_000)
            .tasks(0, 10_000, 100, 900, true)
            .tasks(10_000, 40_000, 100, 20, true);

    RunDetails details = RunDetails.read(run.evaluate(), RunFixture.dataset(), run.run);

    long binned =
        details.latency().outside().stream().mapToLong(Long::longValue).sum()
            + details.latency().during().stream().mapToLong(Long::longValue).sum();
    assertThat(binned).as("the 300 tasks after the warm-up").isEqualTo(300);
    assertThat(details.worst()).allSatisfy(t -> assertThat(t.task().latencyMs()).isEqualTo(20));
  }
}
