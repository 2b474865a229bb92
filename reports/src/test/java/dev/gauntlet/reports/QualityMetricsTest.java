package dev.gauntlet.reports;

import static dev.gauntlet.reports.RunFixture.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gauntlet.reports.metrics.Wilson;
import dev.gauntlet.run.TaskRecord;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** accuracy's interval, pass^k, goodput, the cost metrics and accuracy per fault phase, through the evaluator. */
class QualityMetricsTest {

  @TempDir Path dir;

  private static TaskRecord answer(
      String id, String item, int trial, long offsetMs, long latencyMs, String output) {
    return new TaskRecord(
        id, item, trial, START + offsetMs, latencyMs, 200, output, null, List.of());
  }

  @Test
  void accuracyComesWithItsWilsonInterval() {
    RunFixture run = new RunFixture(dir).completed(10_000);
    for (int i = 0; i < 10; i++) {
      run.record(answer("t" + i, "france", 0, i * 1_000L, 100, i < 8 ? "Paris" : "Lyon"));
    }

    Verdict verdict = run.evaluate();

    assertThat(verdict.metrics().get("accuracy")).isEqualTo(0.8);
    assertThat(verdict.metrics().get("accuracy.ci_low")).isEqualTo(Wilson.of95(8, 10).low());
    assertThat(verdict.metrics().get("accuracy.ci_high")).isEqualTo(Wilson.of95(8, 10).high());
  }

  @Test
  void passHatKCountsItemsWhoseEveryTrialPassed() {
    RunFixture run = new RunFixture(dir).completed(10_000).trials(3);
    String[] france = {"Paris", "Paris", "Paris"};
    String[] answer = {"42", "41", "42"};
    for (int trial = 0; trial < 3; trial++) {
      run.record(answer("f" + trial, "france", trial, trial * 1_000L, 100, france[trial]));
      run.record(answer("a" + trial, "answer", trial, trial * 1_000L + 500, 100, answer[trial]));
    }
    run.record(
        answer(
            "o0",
            "order",
            0,
            4_000,
            100,
            "{\"status\":\"shipped\"}")); // one trial of three: left out

    Verdict verdict = run.evaluate();

    assertThat(verdict.metrics()).containsEntry("pass^k", 0.5).containsEntry("pass@k", 1.0);
  }

  @Test
  void goodputCountsCorrectTasksWithinTheLatencySloAndTheCostCapPerMinute() {
    RunFixture run =
        new RunFixture(dir)
            .completed(60_000)
            .slo("latency.p95", null, 1.0)
            .slo("cost.per_task", null, 0.01);
    run.record(answer("fast", "france", 0, 0, 500, "Paris"))
        .record(answer("slow", "france", 0, 20_000, 1_500, "Paris"))
        .record(answer("wrong", "france", 0, 40_000, 500, "Lyon"))
        .record(answer("dear", "france", 0, 60_000, 500, "Paris"))
        .ledger(100, "fast", 0.005)
        .ledger(60_100, "dear", 0.02);

    Verdict verdict = run.evaluate();

    // 4 arrivals 20 s apart span 80 s of arrivals (see achieved_rate); 1 good task in 80 s is 0.75
    // per minute.
    assertThat(verdict.metrics().get("goodput")).isCloseTo(0.75, within(1e-9));
  }

  @Test
  void costPerSuccessAndPerDayFollowTheLedger() {
    RunFixture run =
        new RunFixture(dir)
            .completed(40_000)
            .tasks(0, 30_000, 1_000, 100, true)
            .tasks(30_000, 40_000, 1_000, 100, false)
            .ledger(1_000, 0.4, false);

    Verdict verdict = run.evaluate();

    assertThat(verdict.metrics().get("cost.per_success")).isCloseTo(0.4 / 30, within(1e-12));
    // 0.01 USD per task at run.json's 60 tasks per minute for 1,440 minutes.
    assertThat(verdict.metrics().get("cost.per_day")).isCloseTo(0.01 * 60 * 1440, within(1e-9));
  }

  @Test
  void eachFaultWindowReportsAccuracyBeforeDuringAndAfter() {
    RunFixture run = new RunFixture(dir).completed(30_000).fault("outage-1", 10_000, 20_000);
    for (int i = 0; i < 30; i++) {
      boolean during = i >= 10 && i < 20;
      run.record(
          answer("t" + i, "france", 0, i * 1_000L, 100, during && i % 2 == 0 ? "Lyon" : "Paris"));
    }

    FaultWindowResult window = run.evaluate().faultWindows().get(0);

    assertThat(window.before().accuracy()).isEqualTo(1.0);
    assertThat(window.during().accuracy()).isEqualTo(0.5);
    assertThat(window.after().accuracy()).isEqualTo(1.0);
  }

  @Test
  void passHatKIsAnSloMetricUnresolvedOutsideTheWholeRun() {
    RunFixture run =
        new RunFixture(dir)
            .completed(10_000)
            .trials(2)
            .slo("pass^k", 0.9, null)
            .slo("pass^k", dev.gauntlet.scenario.SloSpec.Scope.DURING_FAULTS, 0.9, null);
    run.record(answer("a", "france", 0, 0, 100, "Paris"))
        .record(answer("b", "france", 1, 1, 100, "Paris"));

    Verdict verdict = run.evaluate();

    assertThat(verdict.slos().get(0).measured()).isEqualTo(1.0);
    assertThat(verdict.slos().get(0).status())
        .as("one item is fewer than min_samples")
        .isEqualTo(Status.UNRESOLVED);
    assertThat(verdict.slos().get(1).status()).isEqualTo(Status.UNRESOLVED);
  }
}
