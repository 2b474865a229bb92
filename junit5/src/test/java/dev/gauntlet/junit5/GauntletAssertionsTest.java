package dev.gauntlet.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The assertions and dynamic tests on a verdict.json as gauntlet writes it, without running anything. */
class GauntletAssertionsTest {

  static final String FAILED_VERDICT =
      """
      {"schema_version": 1, "scenario": "provider-outage", "seed": 7, "outcome": "completed",
       "outcome_detail": null, "exit_code": 2, "status": "failed",
       "reason": "2 of 3 SLOs failed: success_rate, recovery_time", "tasks": 400,
       "slos": [
        {"name": "success_rate", "metric": "success_rate", "scope": "whole", "min": 0.95, "max": null,
         "measured": 0.6975, "status": "failed", "message": "success_rate was 0.698, must be >= 0.95"},
        {"name": "recovery_time", "metric": "recovery_time", "scope": "whole", "min": null, "max": 3.0,
         "measured": 4.974, "status": "failed",
         "message": "recovery_time was 4.974 s (primary-503), must be <= 3 s"},
        {"name": "accuracy@during_faults", "metric": "accuracy", "scope": "during_faults", "min": 0.9, "max": null,
         "measured": null, "status": "unresolved",
         "message": "accuracy@during_faults could not be measured: no successful task could be scored"}]}
      """;

  @TempDir Path dir;

  private GauntletRun failedRun() throws IOException {
    Files.writeString(dir.resolve("verdict.json"), FAILED_VERDICT);
    return GauntletRun.read(dir);
  }

  @Test
  void meetsSlosListsEverySloThatDidNotPassWithItsMissAndTheSeed() throws IOException {
    GauntletRun run = failedRun();

    assertThatThrownBy(() -> GauntletAssertions.assertThat(run).meetsSlos())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting every SLO of provider-outage to pass, but 3 of 3 did not:")
        .hasMessageContaining(
            "success_rate            failed      success_rate was 0.698, must be >= 0.95 "
                + "(0.252 below the minimum)")
        .hasMessageContaining(
            "recovery_time was 4.974 s (primary-503), must be <= 3 s (1.974 s above the maximum)")
        .hasMessageContaining(
            "accuracy@during_faults  unresolved  accuracy@during_faults could not be measured")
        .hasMessageContaining("seed 7 (--set seed=7 repeats it); run directory " + dir);
  }

  @Test
  void sloBoundsReadInTheMetricsUnit() throws IOException {
    GauntletRun run = failedRun();

    GauntletAssertions.assertThat(run)
        .hasExitCode(2)
        .slo("recovery_time")
        .isBelow(Duration.ofSeconds(5));
    assertThatThrownBy(
            () ->
                GauntletAssertions.assertThat(run)
                    .slo("recovery_time")
                    .isBelow(Duration.ofSeconds(3)))
        .hasMessageStartingWith(
            "Expecting SLO recovery_time of provider-outage to be below 3 s, but it was 4.974 s "
                + "(recovery_time was 4.974 s (primary-503), must be <= 3 s)");
    assertThatThrownBy(() -> GauntletAssertions.assertThat(run).slo("success_rate").isAbove(0.9))
        .hasMessageStartingWith(
            "Expecting SLO success_rate of provider-outage to be above 0.900, but it was 0.698");
    assertThatThrownBy(
            () -> GauntletAssertions.assertThat(run).slo("accuracy@during_faults").isAbove(0.9))
        .hasMessageContaining(
            "could not be measured: accuracy@during_faults could not be measured");
    assertThatThrownBy(() -> GauntletAssertions.assertThat(run).slo("latency.p99"))
        .hasMessage(
            "Expecting provider-outage to have an SLO named latency.p99, but its SLOs are "
                + "[success_rate, recovery_time, accuracy@during_faults]");
  }

  @Test
  void eachSloIsADynamicTestThatFailsOrErrorsAsItsStatusSays() throws Throwable {
    List<DynamicTest> tests = failedRun().sloTests().toList();

    assertThat(tests)
        .extracting(DynamicTest::getDisplayName)
        .containsExactly("success_rate", "recovery_time", "accuracy@during_faults");
    assertThatThrownBy(() -> tests.get(0).getExecutable().execute())
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "success_rate was 0.698, must be >= 0.95 (0.252 below the minimum); seed 7");
    assertThatThrownBy(() -> tests.get(2).getExecutable().execute())
        .isInstanceOf(SloUnresolvedException.class);
  }

  @Test
  void anIncompleteRunAddsAnErroringRunTest() throws Throwable {
    Files.writeString(
        dir.resolve("verdict.json"), FAILED_VERDICT.replace("\"completed\"", "\"interrupted\""));

    List<DynamicTest> tests = GauntletRun.read(dir).sloTests().toList();

    assertThat(tests.get(0).getDisplayName()).isEqualTo("run");
    assertThatThrownBy(() -> tests.get(0).getExecutable().execute())
        .isInstanceOf(SloUnresolvedException.class)
        .hasMessageStartingWith("the run did not complete (interrupted)");
  }
}
