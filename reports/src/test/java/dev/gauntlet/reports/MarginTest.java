package dev.gauntlet.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.reports.internal.Margin;
import dev.gauntlet.scenario.SloSpec;
import org.junit.jupiter.api.Test;

class MarginTest {

  private static SloResult result(
      String metric, Double min, Double max, double measured, boolean lowerBound, Status status) {
    return new SloResult(
        metric,
        new SloSpec(metric, SloSpec.Scope.WHOLE, min, max),
        measured,
        lowerBound,
        status,
        metric + " was " + measured);
  }

  @Test
  void failedSloSaysHowFarBelowTheMinimumInTheMetricsUnit() {
    SloResult slo = result("success_rate", 0.95, null, 0.7, false, Status.FAILED);

    assertThat(Margin.of(slo)).hasValue("0.250 below the minimum");
    assertThat(Margin.message(slo)).isEqualTo("success_rate was 0.7 (0.250 below the minimum)");
  }

  @Test
  void lowerBoundMeasurementsMissByAtLeast() {
    assertThat(Margin.of(result("recovery_time", null, 3.0, 4.978, true, Status.FAILED)))
        .hasValue("at least 1.978 s above the maximum");
    assertThat(Margin.of(result("cost.per_task", null, 0.001, 0.0015, false, Status.FAILED)))
        .hasValue("0.0005 USD above the maximum");
  }

  @Test
  void passedAndUnresolvedSlosHaveNoMiss() {
    assertThat(Margin.of(result("success_rate", 0.95, null, 0.99, false, Status.PASSED))).isEmpty();
    assertThat(Margin.of(result("success_rate", 0.95, null, 0.5, false, Status.UNRESOLVED)))
        .isEmpty();
  }
}
