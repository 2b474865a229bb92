package dev.gauntlet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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

    assertThat(resilient.exitCode()).as("resilient agent:\n" + resilient.out()).isEqualTo(ExitCodes.PASSED);
    assertThat(naive.exitCode()).as("naive agent:\n" + naive.out()).isEqualTo(ExitCodes.SLO_FAILED);
    // Not recovery_time: the naive agent answers every task started after the fault ends, so it recovers at once;
    // what it lacks is failing over while the fault is on.
    assertThat(CatalogRuns.failedSlos(runs.resolve("naive"))).contains("success_rate", "failover_time");
    assertThat(naive.out()).contains("FAILED").contains("success_rate").contains("failover_time");
  }
}
