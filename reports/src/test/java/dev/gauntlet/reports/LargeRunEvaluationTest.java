package dev.gauntlet.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.scenario.SloSpec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long run (10,000 tasks, a fault window, 2,000 ledger lines) evaluates to the right counts and verdict. Its speed
 * is a benchmark's concern, not this test's: timing assertions flap on a loaded CI machine.
 */
class LargeRunEvaluationTest {

  @TempDir Path dir;

  @Test
  void evaluatesTenThousandTasksWithAFaultWindow() {
    RunFixture run =
        new RunFixture(dir)
            .completed(600_000)
            .fault("outage-1", 200_000, 260_000)
            .slo("success_rate", 0.9, null)
            .slo("latency.p95", null, 2.0)
            .slo("recovery_time", null, 30.0)
            .slo("accuracy", SloSpec.Scope.OUTSIDE_FAULTS, 0.9, null)
            .tasks(0, 200_000, 60, 400, true)
            .tasks(200_000, 260_000, 60, 400, false)
            .tasks(260_000, 600_000, 60, 400, true);
    for (int i = 0; i < 2_000; i++) {
      run.ledger(i * 300L, 0.001, i % 100 == 0);
    }
    Verdict verdict = run.evaluate();

    assertThat(verdict.tasks()).isGreaterThanOrEqualTo(10_000);
    assertThat(verdict.metrics().get("success_rate")).isBetween(0.85, 0.95);
    assertThat(verdict.faultWindows()).hasSize(1);
  }
}
