package dev.gauntlet.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.run.TaskRecord;
import dev.gauntlet.scenario.SloSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TtftMetricsTest {

  @TempDir Path dir;

  @Test
  void ttftPercentilesComeFromTheSuccessfulStreamedTasksOnly() {
    RunFixture run = new RunFixture(dir).completed(100_000).slo("ttft.p95", null, 0.5);
    for (int i = 0; i < 100; i++) {
      run.record(streamed("t-" + i, i * 1_000L, 2_000, 200, 10L * (i + 1)));
    }
    run.record(
        new TaskRecord(
            "failed",
            "france",
            0,
            RunFixture.START,
            100,
            502,
            null,
            "HTTP 502: down",
            List.of(),
            5_000L));
    run.record(
        new TaskRecord(
            "sync", "france", 0, RunFixture.START, 100, 200, "It is Paris.", null, List.of()));

    Verdict verdict = run.evaluate();

    assertThat(verdict.metrics())
        .containsEntry("ttft.p50", 0.5)
        .containsEntry("ttft.p95", 0.95)
        .containsEntry("ttft.p99", 0.99);
    assertThat(verdict.samples()).as("tasks behind the metric").containsEntry("ttft.p95", 100L);
    SloResult slo = verdict.slos().get(0);
    assertThat(slo.status()).isEqualTo(Status.FAILED);
    assertThat(slo.message()).isEqualTo("ttft.p95 was 0.95 s, must be <= 0.5 s");
    assertThat(ConsoleTable.render(verdict)).contains("ttft.p95").contains("0.95 s");
  }

  @Test
  void ttftIsUnresolvedWhenNoTaskWasStreamed() {
    RunFixture run =
        new RunFixture(dir)
            .completed(60_000)
            .slo("ttft.p95", null, 1.0)
            .tasks(0, 60_000, 1_000, 300, true);

    Verdict verdict = run.evaluate();

    assertThat(verdict.metrics().get("ttft.p95")).isNull();
    assertThat(verdict.slos().get(0).status()).isEqualTo(Status.UNRESOLVED);
    assertThat(verdict.slos().get(0).message())
        .contains("no streamed task succeeded with a first token");
    assertThat(verdict.exitCode()).isEqualTo(3);
  }

  @Test
  void ttftDuringFaultsSeesOnlyTheTasksStartedInAWindow() {
    RunFixture run =
        new RunFixture(dir)
            .completed(100_000)
            .fault("slow", 50_000, 80_000)
            .slo("ttft.p95", SloSpec.Scope.DURING_FAULTS, null, 1.0)
            .slo("ttft.p95", SloSpec.Scope.OUTSIDE_FAULTS, null, 1.0);
    for (int i = 0; i < 100; i++) {
      long start = i * 1_000L;
      boolean inWindow = start >= 50_000 && start < 80_000;
      run.record(streamed("t-" + i, start, 3_000, 200, inWindow ? 2_000 : 100));
    }

    Verdict verdict = run.evaluate();

    assertThat(verdict.slos())
        .extracting(SloResult::name, SloResult::measured, SloResult::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ttft.p95@during_faults", 2.0, Status.FAILED),
            org.assertj.core.groups.Tuple.tuple("ttft.p95@outside_faults", 0.1, Status.PASSED));
  }

  private static TaskRecord streamed(
      String id, long offsetMs, long latencyMs, int status, long ttftMs) {
    return new TaskRecord(
        id,
        "france",
        0,
        RunFixture.START + offsetMs,
        latencyMs,
        status,
        "It is Paris.",
        null,
        List.of(),
        ttftMs);
  }
}
