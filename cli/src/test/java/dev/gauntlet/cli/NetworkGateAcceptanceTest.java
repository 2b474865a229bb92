package dev.gauntlet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gauntlet.engine.ExitCodes;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The network scenarios as whole runs against a real {@code redis-server} behind the embedded Toxiproxy: Redis going
 * away or slowing down separates the resilient agent from the naive one, and the cache's saving is measured. About
 * 40 s a run; {@code .ci/run} installs {@code redis-server}.
 */
class NetworkGateAcceptanceTest {

  @Test
  void redisOutageSeparatesResilientFromNaive(@TempDir Path runs) throws IOException {
    Console resilient = CatalogRuns.run("redis-outage.yaml", runs.resolve("resilient"));
    Console naive =
        CatalogRuns.run("redis-outage.yaml", runs.resolve("naive"), "--set", "target.mode=naive");

    assertThat(resilient.exitCode())
        .as("resilient agent:\n" + resilient.out())
        .isEqualTo(ExitCodes.PASSED);
    assertThat(naive.exitCode()).as("naive agent:\n" + naive.out()).isEqualTo(ExitCodes.SLO_FAILED);
    // Not recovery_time: once Redis is back the naive agent's tasks succeed again; it never fails
    // over during it.
    assertThat(CatalogRuns.failedSlos(runs.resolve("naive")))
        .contains("success_rate", "failover_time");
  }

  @Test
  void redisLatencySeparatesResilientFromNaive(@TempDir Path runs) throws IOException {
    Console resilient = CatalogRuns.run("redis-latency.yaml", runs.resolve("resilient"));
    Console naive =
        CatalogRuns.run("redis-latency.yaml", runs.resolve("naive"), "--set", "target.mode=naive");

    assertThat(resilient.exitCode())
        .as("resilient agent:\n" + resilient.out())
        .isEqualTo(ExitCodes.PASSED);
    assertThat(naive.exitCode()).as("naive agent:\n" + naive.out()).isEqualTo(ExitCodes.SLO_FAILED);
    assertThat(CatalogRuns.failedSlos(runs.resolve("naive"))).contains("latency.p95");
  }

  @Test
  void theCacheSavesTheRepeatedTasksCost(@TempDir Path runs) throws IOException {
    Console cached = CatalogRuns.run("cache-effect.yaml", runs.resolve("cached"));
    Console uncached =
        CatalogRuns.run("cache-effect.yaml", runs.resolve("uncached"), "--set", "target.cache=off");

    assertThat(cached.exitCode())
        .as("with the cache:\n" + cached.out())
        .isEqualTo(ExitCodes.PASSED);
    assertThat(uncached.exitCode())
        .as("without:\n" + uncached.out())
        .isEqualTo(ExitCodes.SLO_FAILED);
    double saving = 1 - costPerTask(runs.resolve("cached")) / costPerTask(runs.resolve("uncached"));
    assertThat(saving).as("192 of 480 tasks repeat an earlier input").isBetween(0.3, 0.5);
  }

  private static double costPerTask(Path run) throws IOException {
    for (JsonNode slo : CatalogRuns.verdict(run).path("slos")) {
      if (slo.path("metric").asText().equals("cost.per_task")) {
        return slo.path("measured").asDouble();
      }
    }
    throw new AssertionError("no cost.per_task in " + run);
  }
}
