package dev.gauntlet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.engine.ExitCodes;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LLM-fault scenarios of the catalog tell a resilient agent from a naive one: each passes against the reference
 * agent in its resilient mode and fails, naming the SLOs that broke, in its naive mode. Whole runs (reference agent
 * as a child JVM, WireMock mocks, Gatling), about 45 s each.
 */
class FaultCatalogAcceptanceTest {

  @Test
  void hallucinatedToolsAreRefusedByTheResilientAgentAndExecutedByTheNaiveOne(@TempDir Path runs)
      throws IOException {
    assertGateSeparates("hallucinated-tools.yaml", runs, "hallucinated_calls");
  }

  @Test
  void malformedOutputIsRetriedByTheResilientAgentAndPassedOnByTheNaiveOne(@TempDir Path runs)
      throws IOException {
    assertGateSeparates("malformed-output.yaml", runs, "accuracy", "hallucinated_calls");
  }

  @Test
  void runawayLoopIsCappedByTheResilientAgentAndPaidForByTheNaiveOne(@TempDir Path runs)
      throws IOException {
    assertGateSeparates("runaway-loop.yaml", runs, "cost.per_task");
  }

  @Test
  void slowProviderIsTimedOutByTheResilientAgentAndWaitedOnByTheNaiveOne(@TempDir Path runs)
      throws IOException {
    assertGateSeparates("slow-provider.yaml", runs, "success_rate");
  }

  private static void assertGateSeparates(String scenario, Path runs, String... failing)
      throws IOException {
    Console resilient = CatalogRuns.run(scenario, runs.resolve("resilient"));
    Console naive = CatalogRuns.run(scenario, runs.resolve("naive"), "--set", "target.mode=naive");

    assertThat(resilient.exitCode())
        .as("resilient agent:\n" + resilient.out())
        .isEqualTo(ExitCodes.PASSED);
    assertThat(naive.exitCode()).as("naive agent:\n" + naive.out()).isEqualTo(ExitCodes.SLO_FAILED);
    assertThat(CatalogRuns.failedSlos(runs.resolve("naive"))).contains(failing);
    assertThat(naive.out()).contains("FAILED").contains(failing);
  }
}
