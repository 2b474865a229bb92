package dev.gauntlet.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.run.TaskRecord;
import dev.gauntlet.scenario.Stage;
import dev.gauntlet.scenario.Workload;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness checks itself against its schedule: late sends or missing arrivals make the rate-dependent SLOs
 * unresolved, naming the harness; a warm-up is run but judged by nothing.
 */
class HarnessPaceTest {

  /** 600/min for 30 s: one arrival every 100 ms; the first arrives 1 s after run.json's start, as Gatling's do. */
  private static final Workload WORKLOAD =
      new Workload(
          Workload.Protocol.SYNC,
          List.of(Stage.constant(600, Duration.ofSeconds(30))),
          Duration.ofSeconds(20));

  private static final long ZERO = RunFixture.START + 1_000;

  @TempDir Path dir;

  private RunFixture run(
      Workload workload,
      LongUnaryOperator lagOfOffset,
      LongUnaryOperator latencyOfOffset,
      boolean scheduled) {
    RunFixture run =
        new RunFixture(dir)
            .workload(workload)
            .completed(32_000)
            .slo("latency.p95", null, 1.0)
            .slo("achieved_rate", 0.95, null)
            .slo("accuracy", 0.9, null);
    for (long offset = 0; offset < 30_000; offset += 100) {
      long lag = lagOfOffset.applyAsLong(offset);
      if (lag < 0) {
        continue; // never sent
      }
      TaskRecord task =
          new TaskRecord(
              "t" + offset,
              "france",
              0,
              ZERO + offset + lag,
              latencyOfOffset.applyAsLong(offset),
              200,
              "It is Paris.",
              null,
              List.of());
      run.record(
          scheduled
              ? task.scheduledAt(ZERO + offset + 7)
              : task); // the zero is only known to within 7 ms
    }
    return run;
  }

  @Test
  void aHarnessOnScheduleJudgesEverySlo() {
    Verdict verdict =
        run(WORKLOAD, offset -> offset % 700 == 0 ? 3 : 1, offset -> 40, true).evaluate();

    assertThat(verdict.harness().checked()).isTrue();
    assertThat(verdict.harness().fellBehind()).isFalse();
    assertThat(verdict.harness().sendLagP99Ms()).isEqualTo(2);
    assertThat(verdict.harness().buckets()).as("from 2 s: 2-12, 12-22, 22-30").isEqualTo(3);
    assertThat(verdict.metrics().get("achieved_rate")).isEqualTo(1.0);
    assertThat(verdict.harness().arrivalsStartMs())
        .as("the most punctual task (1 ms late) fixes zero")
        .isEqualTo(ZERO + 1);
    assertThat(verdict.exitCode()).isZero();
  }

  @Test
  void lateSendsMakeTheRateDependentSlosUnresolvedNamingTheHarness() {
    // From 20 s on, the harness falls further behind: 37 ms at first, more later.
    Verdict verdict =
        run(
                WORKLOAD,
                offset -> offset < 20_000 ? 0 : 37 + (offset - 20_000) / 100,
                offset -> 40,
                true)
            .evaluate();

    assertThat(verdict.harness().fellBehind()).isTrue();
    assertThat(verdict.slos())
        .filteredOn(slo -> slo.name().equals("latency.p95"))
        .singleElement()
        .satisfies(
            slo -> {
              assertThat(slo.status()).isEqualTo(Status.UNRESOLVED);
              assertThat(slo.message())
                  .contains("the harness sent late: send lag p99 ")
                  .contains(
                      "ms over 10 ms; the load generator, not the agent, was the bottleneck — lower the rate or "
                          + "give Gauntlet more CPU");
            });
    assertThat(verdict.slos())
        .filteredOn(slo -> slo.name().equals("accuracy"))
        .singleElement()
        .as("accuracy does not depend on when tasks were sent")
        .extracting(SloResult::status)
        .isEqualTo(Status.PASSED);
    assertThat(verdict.exitCode()).as("unresolved, never passed nor failed").isEqualTo(3);
    assertThat(ConsoleTable.render(verdict))
        .contains("harness pace: send lag p50 0 ms, p99 ")
        .contains("FELL BEHIND: the harness sent late");
    assertThat(dev.gauntlet.reports.internal.SummaryMarkdown.text(verdict))
        .contains("- harness pace: send lag");
    assertThat(
            dev.gauntlet.reports.internal.VerdictJson.tree(verdict)
                .at("/harness/fell_behind")
                .asBoolean())
        .isTrue();
  }

  @Test
  void aBucketShortOfItsArrivalsMakesTheHarnessBehindEvenWithSmallLags() {
    // Between 5 s and 15 s (the first bucket after the harness's 5 s start-up), one arrival in five
    // was never sent.
    Verdict verdict =
        run(
                WORKLOAD,
                offset -> offset >= 5_000 && offset < 15_000 && offset % 500 == 0 ? -1 : 0,
                offset -> 40,
                true)
            .evaluate();

    assertThat(verdict.harness().fellBehind()).isTrue();
    assertThat(verdict.harness().worstBucketS())
        .as("buckets start after the harness's 5 s start-up")
        .isEqualTo(5);
    assertThat(verdict.harness().worstOnTime()).isEqualTo(80);
    assertThat(verdict.harness().worstPlanned()).isEqualTo(100);
    assertThat(verdict.harness().message())
        .startsWith(
            "the harness fell behind: the 10 s from 5 s sent 80 of 100 planned arrivals (80.0%, under 99%)");
    assertThat(verdict.metrics().get("achieved_rate"))
        .as("sent ÷ planned after the start-up")
        .isCloseTo(230 / 250.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(verdict.exitCode()).isEqualTo(3);
  }

  @Test
  void theHarnessStartUpIsNotHeldAgainstIt() {
    // A cold first second: every arrival 60 ms late, then on time.
    Verdict verdict =
        run(WORKLOAD, offset -> offset < 1_000 ? 60 : 1, offset -> 40, true).evaluate();

    assertThat(verdict.harness().fellBehind()).isFalse();
    assertThat(verdict.harness().samples()).isEqualTo(250);
    assertThat(verdict.exitCode()).isZero();
  }

  @Test
  void oneStallOfTheMachineIsNotAHarnessThatFellBehind() {
    // A 250 ms stall at 15 s: three arrivals go out 250, 150 and 50 ms late, over 1% of the run's
    // 250 judged ones.
    Verdict verdict =
        run(
                WORKLOAD,
                offset -> offset >= 15_000 && offset < 15_300 ? 250 - (offset - 15_000) : 1,
                offset -> 40,
                true)
            .evaluate();

    assertThat(verdict.harness().sendLagP99Ms()).as("p99 sees the stall").isGreaterThan(10);
    assertThat(verdict.harness().fellBehind())
        .as("3 late arrivals, fewer than HarnessCheck.MIN_LATE")
        .isFalse();
    assertThat(verdict.exitCode()).isZero();
  }

  @Test
  void recordsWithoutAScheduledArrivalSkipTheCheck() {
    Verdict verdict = run(WORKLOAD, offset -> 500, offset -> 40, false).evaluate();

    assertThat(verdict.harness().checked()).isFalse();
    assertThat(verdict.harness().fellBehind()).isFalse();
    assertThat(verdict.exitCode()).as("old runs are judged as before").isZero();
  }

  @Test
  void aWarmupIsRunButJudgedByNothing() {
    Workload warm =
        new Workload(
            Workload.Protocol.SYNC,
            WORKLOAD.profile(),
            WORKLOAD.taskTimeout(),
            1,
            Workload.DEFAULT_POLL_INTERVAL,
            Duration.ofSeconds(10));
    // A cold start: the first 9 s are slow, and the harness itself lags while it warms.
    Verdict verdict =
        run(warm, offset -> offset < 9_000 ? 40 : 1, offset -> offset < 9_000 ? 4_500 : 40, true)
            .evaluate();

    assertThat(verdict.warmup()).isEqualTo(Duration.ofSeconds(10));
    assertThat(verdict.tasks()).as("tasks after the warm-up").isEqualTo(210);
    assertThat(verdict.metrics().get("latency.p95")).isEqualTo(0.04);
    assertThat(verdict.harness().fellBehind()).isFalse();
    assertThat(verdict.harness().buckets()).isEqualTo(2);
    assertThat(verdict.exitCode()).isZero();
  }
}
