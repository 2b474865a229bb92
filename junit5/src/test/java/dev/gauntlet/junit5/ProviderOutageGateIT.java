package dev.gauntlet.junit5;

import static dev.gauntlet.junit5.GauntletAssertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * A pre-release gate: the resilient reference agent must ride out a 12 s outage of its primary provider. Tagged
 * {@code gate}: it runs under {@code ./mvnw verify -Pgate}, with the Allure report.
 */
@Tag("gate")
@GauntletScenario("scenarios/provider-outage.yaml")
class ProviderOutageGateIT {

  @TestFactory
  Stream<DynamicTest> slos(GauntletRun run) {
    return run.sloTests();
  }

  @Test
  void recoversWithinTheSlo(GauntletRun run) {
    assertThat(run).slo("recovery_time").isBelow(Duration.ofSeconds(3));
  }
}
