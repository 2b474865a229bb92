package dev.gauntlet.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleTableTest {

  @TempDir Path dir;

  @Test
  void rendersAnAlignedTableAndOneVerdictLineWithTheSeed() {
    Verdict verdict =
        EvaluatorTest.stuckFor5s(new RunFixture(dir), 90_000)
            .slo("success_rate", 0.95, null)
            .slo("recovery_time", null, 3.0)
            .slo("latency.p95", null, 2.0)
            .evaluate();

    String table = ConsoleTable.render(verdict);

    assertThat(table)
        .isEqualTo(
            String.join(
                "\n",
                "SLO            threshold  measured  status  miss",
                "success_rate   >= 0.95    0.833     FAILED  0.117 below the minimum",
                "recovery_time  <= 3 s     5 s       FAILED  2 s above the maximum",
                "latency.p95    <= 2 s     0.05 s    PASSED",
                "verdict: FAILED (2 of 3 SLOs failed: success_rate, recovery_time) seed=42",
                ""));
  }

  @Test
  void aPassingRunSaysSo() {
    Verdict verdict =
        new RunFixture(dir)
            .completed(30_000)
            .slo("success_rate", 0.95, null)
            .tasks(0, 30_000, 1_000, 50, true)
            .evaluate();

    assertThat(ConsoleTable.render(verdict))
        .as("no miss column when nothing failed")
        .startsWith("SLO           threshold  measured  status\n")
        .endsWith("verdict: PASSED (1 of 1 SLOs passed) seed=42\n");
  }
}
