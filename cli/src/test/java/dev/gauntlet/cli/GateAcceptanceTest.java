package dev.gauntlet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gauntlet.engine.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gates must tell a resilient agent from a naive one: each fault scenario passes against the reference agent
 * in its resilient mode and fails, naming the SLOs that broke, in its naive mode. A gate that cannot fail is
 * worthless. These are whole runs (reference agent as a child JVM, WireMock mocks, Gatling), about 45 s each.
 */
class GateAcceptanceTest {

  @Test
  void smokeRunPassesEverySlo(@TempDir Path runs) throws IOException {
    Console console = CatalogRuns.run("smoke.yaml", runs.resolve("smoke"));

    assertThat(console.exitCode()).as(console.out()).isEqualTo(ExitCodes.PASSED);
    JsonNode verdict = CatalogRuns.verdict(runs.resolve("smoke"));
    assertThat(verdict.path("tasks").asInt()).as("600/min for 30 s").isBetween(295, 305);
    assertThat(Files.readString(runs.resolve("smoke/junit.xml"))).contains("<testcase");
    assertThat(Files.readString(runs.resolve("smoke/summary.md"))).contains("PASSED");
    assertThat(runs.resolve("smoke/ledger.jsonl")).isNotEmptyFile();
    assertFaultPlaneKeptItsOwnTime(console, runs.resolve("smoke"), 0);
  }

  /**
   * The fault plane's checks of itself on a whole run: the warm-up ran and left nothing in the ledger, every
   * scheduled switch was on time, every answered task's measured latency covered its ledger calls, and the
   * provider mock's lateness was measured (whether it kept its pace depends on how busy the machine is).
   */
  private static void assertFaultPlaneKeptItsOwnTime(Console console, Path run, int switches)
      throws IOException {
    assertThat(console.out()).contains("gauntlet: warmed the fault plane: ");
    assertThat(Files.readString(run.resolve("ledger.jsonl"))).doesNotContain("gauntlet-warmup-");
    JsonNode checks = CatalogRuns.verdict(run).path("fault_plane_checks");
    assertThat(checks.findValuesAsText("name"))
        .containsExactly("fault_switch_lag", "mock_lateness", "client_covers_ledger");
    assertThat(checks.get(0).path("status").asText())
        .as(checks.get(0).toString())
        .isEqualTo("passed");
    assertThat(checks.get(0).path("checked").asInt()).as("scheduled switches").isEqualTo(switches);
    assertThat(checks.get(1).path("checked").asInt())
        .as("LLM calls with a recorded pace")
        .isPositive();
    assertThat(checks.get(2).path("checked").asInt())
        .as("answered tasks with ledger calls")
        .isPositive();
    assertThat(checks.get(2).path("violations").asInt()).as(checks.get(2).toString()).isZero();
  }

  @Test
  void providerOutageSeparatesResilientFromNaive(@TempDir Path runs) throws IOException {
    assertGateSeparates("provider-outage.yaml", runs);
  }

  @Test
  void rateLimitStormSeparatesResilientFromNaive(@TempDir Path runs) throws IOException {
    assertGateSeparates("rate-limit-storm.yaml", runs);
  }

  private static void assertGateSeparates(String scenario, Path runs) throws IOException {
    Console resilient = CatalogRuns.run(scenario, runs.resolve("resilient"));
    Console naive = CatalogRuns.run(scenario, runs.resolve("naive"), "--set", "target.mode=naive");

    assertThat(resilient.exitCode())
        .as("resilient agent:\n" + resilient.out())
        .isEqualTo(ExitCodes.PASSED);
    assertFaultPlaneKeptItsOwnTime(resilient, runs.resolve("resilient"), 2);
    assertThat(naive.exitCode()).as("naive agent:\n" + naive.out()).isEqualTo(ExitCodes.SLO_FAILED);
    // Not recovery_time: the naive agent answers every task started after the fault ends, so it
    // recovers at once;
    // what it lacks is failing over while the fault is on.
    assertThat(CatalogRuns.failedSlos(runs.resolve("naive")))
        .contains("success_rate", "failover_time");
    assertThat(naive.out()).contains("FAILED").contains("success_rate").contains("failover_time");
  }
}
