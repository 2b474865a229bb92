package dev.gauntlet.reports;

import static dev.gauntlet.reports.RunFixture.START;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.reports.internal.VerdictJson;
import dev.gauntlet.run.JsonLinesWriter;
import dev.gauntlet.run.LedgerEntry;
import dev.gauntlet.run.TaskRecord;
import dev.gauntlet.run.TimelineEvent;
import dev.gauntlet.scenario.SloSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fault plane's checks of itself: late switches, a mock slower than its pace, a client that misses calls. */
class FaultPlaneChecksTest {

  @TempDir Path dir;

  private static FaultPlaneCheck check(Verdict verdict, String name) {
    return verdict.faultPlaneChecks().stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static SloResult slo(Verdict verdict, String name) {
    return verdict.slos().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  /** An outage from +20 s to +30 s whose on switch the schedule wanted {@code lagMs} earlier than it was applied. */
  private RunFixture outageSwitchedLate(long lagMs) {
    return new RunFixture(dir)
        .completed(60_000)
        .event(
            new TimelineEvent(
                START + 20_000,
                "outage-1",
                "outage",
                TimelineEvent.ON,
                "primary",
                START + 20_000 - lagMs))
        .event(
            new TimelineEvent(
                START + 30_000, "outage-1", "outage", TimelineEvent.OFF, "primary", START + 30_000))
        .tasks(0, 20_000, 100, 50, true)
        .tasks(20_000, 30_000, 100, 50, false)
        .tasks(30_000, 60_000, 100, 50, true)
        .slo("success_rate", 0.5, null)
        .slo("success_rate", SloSpec.Scope.DURING_FAULTS, null, 0.5)
        .slo("recovery_time", null, 10.0);
  }

  @Test
  void aSwitchAppliedLateLeavesTheSlosOfFaultWindowsUnresolvedNamingTheHarness() {
    Verdict verdict = outageSwitchedLate(340).evaluate();

    assertThat(slo(verdict, "success_rate").status())
        .as("a whole-run SLO is judged")
        .isEqualTo(Status.PASSED);
    for (String name : List.of("success_rate@during_faults", "recovery_time")) {
      assertThat(slo(verdict, name).status()).as(name).isEqualTo(Status.UNRESOLVED);
      assertThat(slo(verdict, name).message())
          .as(name)
          .contains(
              "fault outage-1 was switched on 340 ms late by the harness (scheduled at +19.66 s)")
          .contains("evaluation.max_switch_lag 100 ms");
    }
    assertThat(check(verdict, "fault_switch_lag"))
        .satisfies(
            c -> {
              assertThat(c.status()).isEqualTo(Status.UNRESOLVED);
              assertThat(c.checked()).isEqualTo(2);
              assertThat(c.violations()).isEqualTo(1);
            });
    assertThat(verdict.status()).isEqualTo(Status.UNRESOLVED);
    assertThat(verdict.exitCode()).isEqualTo(3);
  }

  @Test
  void aSwitchWithinTheAllowedLagChangesNothing() {
    Verdict verdict = outageSwitchedLate(100).evaluate();

    assertThat(check(verdict, "fault_switch_lag").status()).isEqualTo(Status.PASSED);
    assertThat(slo(verdict, "success_rate@during_faults").status()).isEqualTo(Status.PASSED);
    assertThat(verdict.faultPlaneAtFault()).isFalse();
  }

  /**
   * Tasks every 100 ms for 20 s, 50 ms each, each with one LLM call answered {@code lateMs} after its pace for the
   * first {@code lateTasks} tasks and on time after.
   */
  private RunFixture mockLate(long lateMs, int lateTasks) {
    RunFixture run = new RunFixture(dir).completed(20_000);
    try (JsonLinesWriter<LedgerEntry> ledger = JsonLinesWriter.append(run.run.ledger())) {
      for (int i = 0; i < 200; i++) {
        long start = START + i * 100L;
        TaskRecord task = run.task(start, 50, true);
        run.record(task);
        ledger.write(llm(task.taskId(), start + 5, 10, 20 + (i < lateTasks ? lateMs : 0), 20, 0));
      }
    }
    return run;
  }

  private static LedgerEntry llm(
      String taskId, long tsMs, long firstByteMs, long lastByteMs, long pacedMs, long queuedMs) {
    return new LedgerEntry(
        tsMs,
        LedgerEntry.LLM,
        "primary",
        "gpt",
        null,
        taskId,
        "france",
        0,
        200,
        100,
        20,
        0.0,
        null,
        false,
        firstByteMs,
        lastByteMs,
        null,
        firstByteMs,
        pacedMs,
        queuedMs);
  }

  @Test
  void aLatencySloFailedOnlyByTheMocksLatenessIsUnresolvedNamingTheHarness() {
    Verdict verdict = mockLate(12, 200).slo("latency.p95", null, 0.045).evaluate();

    SloResult p95 = slo(verdict, "latency.p95");
    assertThat(p95.status())
        .as("50 ms, 38 ms without the mock's 12 ms")
        .isEqualTo(Status.UNRESOLVED);
    assertThat(p95.message())
        .contains(
            "the harness's provider mock answered later than its configured pace: p99 12 ms late over 50 "
                + "calls from +0 s (and in 3 more 5 s stretches)")
        .contains("evaluation.max_mock_lateness");
    assertThat(p95.measured()).as("the measured value is kept").isEqualTo(0.05);
    assertThat(check(verdict, "mock_lateness"))
        .satisfies(
            c -> {
              assertThat(c.status()).isEqualTo(Status.UNRESOLVED);
              assertThat(c.checked()).isEqualTo(200);
              assertThat(c.violations()).as("four 5 s stretches").isEqualTo(4);
            });
    assertThat(verdict.exitCode()).isEqualTo(3);
  }

  @Test
  void aLatencySloThatFailsEvenWithoutTheMocksLatenessStaysFailed() {
    Verdict verdict = mockLate(12, 200).slo("latency.p95", null, 0.030).evaluate();

    assertThat(slo(verdict, "latency.p95").status()).isEqualTo(Status.FAILED);
    assertThat(slo(verdict, "latency.p95").message())
        .isEqualTo(
            "latency.p95 was 0.05 s, must be <= 0.03 s (still 0.038 s with the provider mock's own lateness "
                + "taken out)");
    assertThat(verdict.exitCode()).isEqualTo(2);
  }

  @Test
  void aLatencySloThatPassedDespiteALateMockStands() {
    Verdict verdict =
        mockLate(12, 50).slo("latency.p95", null, 1.0).slo("success_rate", 0.9, null).evaluate();

    assertThat(check(verdict, "mock_lateness").status())
        .as("the first stretch was late")
        .isEqualTo(Status.UNRESOLVED);
    assertThat(slo(verdict, "latency.p95").status())
        .as("lateness only ever adds")
        .isEqualTo(Status.PASSED);
    assertThat(verdict.status()).isEqualTo(Status.PASSED);
  }

  @Test
  void aMockWithinFiveMillisecondsOfItsPacePasses() {
    Verdict verdict = mockLate(5, 200).slo("latency.p95", null, 0.045).evaluate();

    assertThat(check(verdict, "mock_lateness").status()).isEqualTo(Status.PASSED);
    assertThat(slo(verdict, "latency.p95").status())
        .as("the agent's own failure")
        .isEqualTo(Status.FAILED);
    assertThat(check(verdict, "client_covers_ledger").status())
        .as("every call inside its task")
        .isEqualTo(Status.PASSED);
    assertThat(check(verdict, "client_covers_ledger").checked()).isEqualTo(200);
  }

  @Test
  void aCallTheClientsLatencyDoesNotCoverIsReported() {
    RunFixture run = new RunFixture(dir).completed(10_000).slo("success_rate", 0.9, null);
    TaskRecord covered = run.task(START + 1_000, 50, true);
    TaskRecord short_ = run.task(START + 2_000, 50, true);
    TaskRecord timedOut = run.task(START + 3_000, 50, false);
    TaskRecord noAnswer =
        new TaskRecord("t-gone", "france", 0, START + 4_000, 50, 0, null, "timeout", List.of());
    List.of(covered, short_, timedOut, noAnswer).forEach(run::record);
    try (JsonLinesWriter<LedgerEntry> ledger = JsonLinesWriter.append(run.run.ledger())) {
      // Arrived +1010, written from +1040; its write completed at +1055, after the task's end at
      // +1050: not a
      // violation, since a busy machine may run the completion after the agent has read the answer.
      ledger.write(llm(covered.taskId(), START + 1_012, 30, 45, 0, 2));
      ledger.write(
          llm(
              short_.taskId(),
              START + 2_010,
              60,
              60,
              0,
              0)); // written at +2070, the task ended at +2050
      ledger.write(llm(timedOut.taskId(), START + 2_990, 1, 5, 0, 0)); // before the task was sent
      ledger.write(llm("t-gone", START + 4_010, 1, 500, 0, 0)); // the client gave up: not checked
    }

    FaultPlaneCheck check = check(run.evaluate(), "client_covers_ledger");

    assertThat(check.status()).isEqualTo(Status.UNRESOLVED);
    assertThat(check.checked()).isEqualTo(3);
    assertThat(check.violations()).isEqualTo(2);
    assertThat(check.examples())
        .satisfiesExactly(
            e ->
                assertThat(e)
                    .startsWith(short_.taskId() + ": ")
                    .contains("last call ended 20 ms after the task's answer"),
            e ->
                assertThat(e)
                    .startsWith(timedOut.taskId() + ": ")
                    .contains("first call 10 ms before the task was sent"));
  }

  @Test
  void filesWrittenBeforeTheChecksExistedPassThemAndReadAsBefore() {
    RunFixture run =
        EvaluatorTest.outage(new RunFixture(dir), 60_000)
            .slo("success_rate", 0.5, null)
            .slo("latency.p95", null, 1.0);
    run.ledger(1_000, "t10", 0.001); // the task t10 ran from +1000 to +1050

    Verdict verdict = run.evaluate();

    assertThat(verdict.faultPlaneChecks())
        .extracting(FaultPlaneCheck::name)
        .containsExactly("fault_switch_lag", "mock_lateness", "client_covers_ledger");
    assertThat(verdict.faultPlaneChecks())
        .allSatisfy(c -> assertThat(c.status()).isEqualTo(Status.PASSED));
    assertThat(verdict.status()).isEqualTo(Status.PASSED);
    assertThat(VerdictJson.tree(verdict).get("fault_plane_checks").get(0).get("message").asText())
        .isEqualTo("no scheduled fault switch to check");
  }
}
