package dev.gauntlet.junit5;

import static dev.gauntlet.junit5.GauntletAssertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The JUnit 5 embedding used as a team would: the smoke scenario against the reference agent (about 40 s), each SLO
 * a test, plus assertions of the test's own. Runs in every {@code ./mvnw verify}.
 */
@GauntletScenario("scenarios/smoke.yaml")
class SmokeGateIT {

  @TestFactory
  Stream<DynamicTest> everySloIsATest(GauntletRun run) {
    return run.sloTests();
  }

  @Test
  void meetsEverySlo(GauntletRun run) {
    assertThat(run).meetsSlos().hasExitCode(0);
  }

  @Test
  void answersWellUnderASecond(GauntletRun run) {
    assertThat(run).slo("latency.p95").isBelow(Duration.ofSeconds(1));
  }
}
