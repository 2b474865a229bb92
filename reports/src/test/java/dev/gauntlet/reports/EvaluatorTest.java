package dev.gauntlet.reports;

import static dev.gauntlet.reports.RunFixture.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gauntlet.run.RunInfo;
import dev.gauntlet.run.TaskRecord;
import dev.gauntlet.scenario.SloSpec.Scope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluatorTest {

  @TempDir Path dir;

  private static SloResult slo(Verdict verdict, String name) {
    return verdict.slos().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void aHealthyCompletedRunPassesWithExitZero() {
    RunFixture run =
        new RunFixture(dir)
            .completed(60_000)
            .slo("success_rate", 0.95, null)
            .slo("accuracy", 0.9, null)
            .slo("latency.p95", null, 2.0)
            .tasks(0, 60_000, 1_000, 300, true)
            .ledger(1_000, 0.01, false)
            .ledger(2_000, 0.02, true);

    Verdict verdict = run.evaluate();

    assertThat(verdict.status()).isEqualTo(Status.PASSED);
    assertThat(verdict.exitCode()).isZero();
    assertThat(verdict.tasks()).isEqualTo(60);
    assertThat(verdict.metrics())
        .containsEntry("success_rate", 1.0)
        .containsEntry("accuracy", 1.0)
        .containsEntry("latency.p50", 0.3)
        .containsEntry("latency.max", 0.3)
        .containsEntry("hallucinated_calls", 1.0)
        .containsEntry("achieved_rate", 1.0);
    assertThat(verdict.metrics().get("cost.total")).isCloseTo(0.03, within(1e-12));
    assertThat(verdict.metrics().get("cost.per_task")).isCloseTo(0.0005, within(1e-12));
    assertThat(slo(verdict, "success_rate").message())
        .isEqualTo("success_rate was 1.000, must be >= 0.95");
  }

  @Test
  void aFailedSloGivesExitTwoAndSaysWhatWasMeasuredAndWhatWasRequired() {
    RunFixture run =
        new RunFixture(dir)
            .completed(100_000)
            .slo("success_rate", 0.95, null)
            .tasks(0, 71_000, 1_000, 100, true)
            .tasks(71_000, 100_000, 1_000, 100, false);

    Verdict verdict = run.evaluate();

    assertThat(verdict.exitCode()).isEqualTo(2);
    assertThat(slo(verdict, "success_rate").status()).isEqualTo(Status.FAILED);
    assertThat(slo(verdict, "success_rate").message())
        .isEqualTo("success_rate was 0.710, must be >= 0.95");
  }

  @Test
  void wrongAnswersLowerAccuracyButNotSuccessRate() {
    RunFixture run =
        new RunFixture(dir)
            .completed(30_000)
            .slo("accuracy", 0.9, null)
            .tasks(0, 20_000, 1_000, 100, true);
    for (int i = 0; i < 5; i++) {
      run.record(
          new TaskRecord(
              "w" + i, "answer", 0, START + 25_000 + i, 100, 200, "41", null, List.of()));
    }

    Verdict verdict = run.evaluate();

    assertThat(verdict.metrics()).containsEntry("success_rate", 1.0).containsEntry("accuracy", 0.8);
    assertThat(verdict.exitCode()).isEqualTo(2);
  }

  @Test
  void tooFewTasksLeaveTheSloUnresolvedNotPassed() {
    RunFixture run =
        new RunFixture(dir)
            .completed(10_000)
            .slo("success_rate", 0.95, null)
            .tasks(0, 10_000, 1_000, 100, true);

    Verdict verdict = run.evaluate();

    assertThat(slo(verdict, "success_rate").status()).isEqualTo(Status.UNRESOLVED);
    assertThat(slo(verdict, "success_rate").message())
        .isEqualTo(
            "success_rate could not be judged: 10 tasks behind it, needs at least 20 (evaluation.min_samples)");
    assertThat(verdict.exitCode()).isEqualTo(3);
  }

  @Test
  void anEmptyRunDirectoryStillGivesAnUnresolvedVerdict() {
    RunFixture run =
        new RunFixture(dir)
            .slo("success_rate", 0.95, null)
            .slo("achieved_rate", 0.9, null)
            .slo("cost.total", null, 1.0);

    Verdict verdict = run.evaluate();

    assertThat(verdict.status()).isEqualTo(Status.UNRESOLVED);
    assertThat(verdict.outcome()).isEqualTo(Verdict.UNKNOWN_OUTCOME);
    assertThat(verdict.slos()).extracting(SloResult::status).containsOnly(Status.UNRESOLVED);
    assertThat(slo(verdict, "achieved_rate").message())
        .isEqualTo("achieved_rate could not be measured: run.json is missing or unreadable");
    assertThat(slo(verdict, "cost.total").message())
        .isEqualTo("cost.total could not be measured: ledger.jsonl is missing or empty");
    assertThat(verdict.metrics()).containsKeys(Evaluator.METRIC_ORDER.toArray(String[]::new));
    assertThat(verdict.metrics().values()).containsOnlyNulls();
  }

  @Test
  void aRecordsFileCutShortByAKilledRunKeepsEveryCompleteLine() throws IOException {
    RunFixture run =
        new RunFixture(dir)
            .runInfo(-1, 60, RunInfo.RUNNING, null)
            .slo("success_rate", 0.95, null)
            .tasks(0, 30_000, 1_000, 100, true);
    Files.writeString(
        run.run.records(), "{\"task_id\":\"x\",\"item_id\":\"fra", StandardOpenOption.APPEND);

    Verdict verdict = run.evaluate();

    assertThat(verdict.tasks()).isEqualTo(30);
    assertThat(slo(verdict, "success_rate").status()).isEqualTo(Status.PASSED);
    assertThat(verdict.status())
        .as("a run that never wrote its end is not a pass")
        .isEqualTo(Status.UNRESOLVED);
  }

  @Test
  void anInterruptedRunIsUnresolvedEvenWhenEverySloPassesAndSaysWhy() {
    RunFixture run =
        new RunFixture(dir)
            .runInfo(30_000, 60, RunInfo.INTERRUPTED, "stopped by Ctrl-C")
            .slo("success_rate", 0.95, null)
            .tasks(0, 30_000, 1_000, 100, true);

    Verdict verdict = run.evaluate();

    assertThat(verdict.exitCode()).isEqualTo(3);
    assertThat(verdict.reason())
        .isEqualTo("all 1 SLOs passed; the run did not complete (interrupted: stopped by Ctrl-C)");
  }

  @Test
  void duringFaultsScopeCountsOnlyTasksStartedInsideAWindow() {
    RunFixture run =
        new RunFixture(dir)
            .completed(90_000)
            .fault("outage-1", 30_000, 60_000)
            .slo("success_rate", Scope.DURING_FAULTS, 0.5, null)
            .slo("success_rate", Scope.OUTSIDE_FAULTS, 0.99, null)
            .tasks(0, 30_000, 1_000, 100, true)
            .tasks(30_000, 45_000, 1_000, 100, false)
            .tasks(45_000, 60_000, 1_000, 100, true)
            .tasks(60_000, 90_000, 1_000, 100, true);

    Verdict verdict = run.evaluate();

    assertThat(slo(verdict, "success_rate@during_faults").measured()).isEqualTo(0.5);
    assertThat(slo(verdict, "success_rate@during_faults").status()).isEqualTo(Status.PASSED);
    assertThat(slo(verdict, "success_rate@outside_faults").measured()).isEqualTo(1.0);
    FaultWindowResult window = verdict.faultWindows().get(0);
    assertThat(window.before().successRate()).isEqualTo(1.0);
    assertThat(window.during().successRate()).isEqualTo(0.5);
    assertThat(window.after().successRate()).isEqualTo(1.0);
  }

  @Test
  void recoveryTimeRunsFromTheWindowEndUntilTasksStartedAfterItAreHealthyForGood() {
    RunFixture run = stuckFor5s(new RunFixture(dir).slo("recovery_time", null, 10.0), 90_000);

    Verdict verdict = run.evaluate();

    assertThat(verdict.faultWindows().get(0).recoverySeconds()).isEqualTo(5.0);
    assertThat(slo(verdict, "recovery_time").status()).isEqualTo(Status.PASSED);
    assertThat(slo(verdict, "recovery_time").message())
        .isEqualTo("recovery_time was 5 s (worst: outage-1), must be <= 10 s");
    assertThat(verdict.metrics()).containsEntry("recovery_time", 5.0);
  }

  @Test
  void anAgentThatAnswersEveryTaskStartedAfterTheOutageRecoversInZeroSeconds() {
    Verdict verdict =
        outage(new RunFixture(dir).slo("recovery_time", null, 1.0), 90_000).evaluate();

    assertThat(verdict.faultWindows().get(0).recoverySeconds())
        .as("the old rolling window said 5 s here: the failures draining out of it")
        .isEqualTo(0.0);
    assertThat(slo(verdict, "recovery_time").status()).isEqualTo(Status.PASSED);
  }

  @Test
  void anAgentThatNeverFailsOverFailsTheFailoverSloOnceTheWindowOutlastedIt() {
    Verdict verdict =
        outage(new RunFixture(dir).slo("failover_time", null, 5.0), 90_000).evaluate();

    SloResult failover = slo(verdict, "failover_time");
    assertThat(failover.status()).isEqualTo(Status.FAILED);
    assertThat(failover.message())
        .isEqualTo(
            "failover_time was ≥ 10 s (outage-1 had not failed over when it ended), must be <= 5 s");
    assertThat(verdict.metrics().get("failover_time")).isNull();
  }

  @Test
  void failoverTimeRunsFromTheWindowStartUntilTasksStartedInItAreHealthy() {
    Verdict verdict =
        new RunFixture(dir)
            .completed(60_000)
            .slo("failover_time", null, 3.0)
            .slo("time_to_detect", null, 1.0)
            .fault("outage-1", 20_000, 30_000)
            .tasks(0, 20_000, 100, 50, true)
            .tasks(20_000, 22_000, 100, 50, false)
            .tasks(22_000, 60_000, 100, 50, true)
            .evaluate();

    assertThat(verdict.metrics())
        .containsEntry("failover_time", 2.0)
        .containsEntry("time_to_detect", 0.05);
    assertThat(slo(verdict, "failover_time").message())
        .isEqualTo("failover_time was 2 s (worst: outage-1), must be <= 3 s");
    assertThat(slo(verdict, "time_to_detect").status()).isEqualTo(Status.PASSED);
  }

  @Test
  void aFaultNothingShowedLeavesTimeToDetectUnresolved() {
    Verdict verdict =
        new RunFixture(dir)
            .completed(60_000)
            .slo("time_to_detect", null, 1.0)
            .fault("outage-1", 20_000, 30_000)
            .tasks(0, 60_000, 100, 50, true)
            .evaluate();

    assertThat(slo(verdict, "time_to_detect").status()).isEqualTo(Status.UNRESOLVED);
    assertThat(slo(verdict, "time_to_detect").message())
        .isEqualTo(
            "time_to_detect could not be judged: outage-1 "
                + "showed nothing in its 10 s (no failed task, no call to a provider unused before it)");
    assertThat(verdict.faultWindows().get(0).failoverSeconds())
        .as("never unhealthy: nothing to fail over")
        .isEqualTo(0.0);
  }

  @Test
  void slowerRecoveryThanAllowedFails() {
    Verdict verdict =
        stuckFor5s(new RunFixture(dir).slo("recovery_time", null, 3.0), 90_000).evaluate();

    assertThat(slo(verdict, "recovery_time").status()).isEqualTo(Status.FAILED);
    assertThat(slo(verdict, "recovery_time").message())
        .isEqualTo("recovery_time was 5 s (outage-1), must be <= 3 s");
  }

  @Test
  void neverRecoveringFailsOnceTheDataOutlastsTheAllowedTime() {
    RunFixture run =
        new RunFixture(dir)
            .completed(60_000)
            .slo("recovery_time", null, 10.0)
            .fault("outage-1", 10_000, 20_000)
            .tasks(0, 10_000, 100, 50, true)
            .tasks(10_000, 60_000, 100, 50, false);

    Verdict verdict = run.evaluate();

    SloResult recovery = slo(verdict, "recovery_time");
    assertThat(recovery.status()).isEqualTo(Status.FAILED);
    assertThat(recovery.lowerBound()).isTrue();
    assertThat(recovery.measuredText()).isEqualTo("≥ 39.95 s");
    assertThat(recovery.message())
        .isEqualTo(
            "recovery_time was ≥ 39.95 s (outage-1 had not recovered when the data ended), must be <= 10 s");
  }

  @Test
  void notYetRecoveredWithinTheAllowedTimeIsUnresolved() {
    RunFixture run =
        new RunFixture(dir)
            .completed(25_000)
            .slo("recovery_time", null, 30.0)
            .fault("outage-1", 10_000, 20_000)
            .tasks(0, 10_000, 100, 50, true)
            .tasks(10_000, 25_000, 100, 50, false);

    Verdict verdict = run.evaluate();

    assertThat(slo(verdict, "recovery_time").status()).isEqualTo(Status.UNRESOLVED);
    assertThat(verdict.faultWindows().get(0).recovery().state())
        .isEqualTo(dev.gauntlet.reports.metrics.RecoveryResult.State.NOT_RECOVERED);
  }

  @Test
  void recoveryWithoutFaultWindowsIsUnresolvedAndSaysSo() {
    Verdict verdict =
        new RunFixture(dir)
            .completed(30_000)
            .slo("recovery_time", null, 10.0)
            .tasks(0, 30_000, 100, 50, true)
            .evaluate();

    assertThat(slo(verdict, "recovery_time").message())
        .isEqualTo("recovery_time could not be measured: the run had no fault windows");
    assertThat(verdict.exitCode()).isEqualTo(3);
  }

  @Test
  void aWindowStillOpenAtTheEndClosesAtTheRunEnd() {
    Verdict verdict =
        new RunFixture(dir)
            .completed(60_000)
            .fault("outage-1", 40_000, -1)
            .tasks(0, 60_000, 1_000, 50, true)
            .evaluate();

    assertThat(verdict.faultWindows())
        .singleElement()
        .satisfies(w -> assertThat(w.endMs()).isEqualTo(START + 60_000));
  }

  @Test
  void achievedRateIsStartedTasksPerMinuteOverTheTargetRate() {
    Verdict verdict =
        new RunFixture(dir)
            .runInfo(60_000, 120, RunInfo.COMPLETED, null)
            .slo("achieved_rate", 0.9, null)
            .tasks(0, 60_000, 1_000, 50, true)
            .evaluate();

    assertThat(slo(verdict, "achieved_rate").measured()).isEqualTo(0.5);
    assertThat(slo(verdict, "achieved_rate").message())
        .isEqualTo("achieved_rate was 0.500, must be >= 0.9");
  }

  @Test
  void repeatedSloNamesAreMadeUnique() {
    Verdict verdict =
        new RunFixture(dir)
            .completed(30_000)
            .slo("success_rate", 0.5, null)
            .slo("success_rate", 0.9, null)
            .tasks(0, 30_000, 1_000, 50, true)
            .evaluate();

    assertThat(verdict.slos())
        .extracting(SloResult::name)
        .containsExactly("success_rate", "success_rate#2");
  }

  /** 10 tasks/s; every task started in the 10 s outage fails; the 5 s rolling window is clean 5 s after it. */
  /** An outage from 20 s to 30 s after which the agent keeps failing every task it starts for 5 s. */
  static RunFixture stuckFor5s(RunFixture run, long durationMs) {
    return run.completed(durationMs)
        .fault("outage-1", 20_000, 30_000)
        .tasks(0, 20_000, 100, 50, true)
        .tasks(20_000, 35_000, 100, 50, false)
        .tasks(35_000, durationMs, 100, 50, true);
  }

  static RunFixture outage(RunFixture run, long durationMs) {
    return run.completed(durationMs)
        .fault("outage-1", 20_000, 30_000)
        .tasks(0, 20_000, 100, 50, true)
        .tasks(20_000, 30_000, 100, 50, false)
        .tasks(30_000, durationMs, 100, 50, true);
  }
}
