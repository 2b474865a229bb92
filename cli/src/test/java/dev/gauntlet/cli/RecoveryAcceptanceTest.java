package dev.gauntlet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gauntlet.engine.ExitCodes;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * recovery_time measures recovery, not the fault: {@code provider-outage.yaml} shortened (8 s steady, a 5 s outage of
 * the primary, 15 s after) against {@link LingeringAgent}s whose recovery is known by construction. One that answers
 * every task started after the outage recovers within one bucket of 0 (the old rolling window said about 5 s); one
 * that keeps failing for 3 s after the last failure it saw recovers in 3 s, within one bucket. Two runs of about 30 s.
 */
class RecoveryAcceptanceTest {

  private static final Path HOME =
      Path.of(System.getProperty("gauntlet.home", "..")).toAbsolutePath();

  @Test
  void recoveryIsTheDelayTheAgentAddsAfterTheFaultWithinOneBucket(@TempDir Path runs)
      throws IOException {
    JsonNode atOnce = outage(runs.resolve("d0"), Duration.ZERO);
    JsonNode threeSeconds = outage(runs.resolve("d3"), Duration.ofSeconds(3));

    double resolution = atOnce.path("recovery_resolution_s").asDouble();
    assertThat(resolution).as("10 tasks a second: 1 s buckets").isEqualTo(1.0);
    assertThat(atOnce.path("recovery_status").asText()).isEqualTo("recovered");
    assertThat(atOnce.path("recovery_s").asDouble())
        .as("D = 0: %s", atOnce)
        .isLessThanOrEqualTo(resolution);
    assertThat(threeSeconds.path("recovery_status").asText()).isEqualTo("recovered");
    assertThat(threeSeconds.path("recovery_s").asDouble())
        .as("D = 3 s: %s", threeSeconds)
        .isBetween(3.0 - resolution, 3.0 + resolution);
    assertThat(atOnce.path("failover_status").asText())
        .as("no fallback: it fails until the outage ends")
        .isEqualTo("not_recovered");
    assertThat(atOnce.path("time_to_detect_s").asDouble())
        .as("the first task in the outage failed at once")
        .isLessThan(0.5);
  }

  /** The one fault window of a shortened provider-outage run against an agent that lingers {@code linger}. */
  private static JsonNode outage(Path out, Duration linger) throws IOException {
    int providerPort = freePort();
    int toolsPort = freePort();
    URI provider = URI.create("http://127.0.0.1:" + providerPort + "/providers/primary/v1");
    try (LingeringAgent agent = LingeringAgent.start(provider, linger)) {
      Console console =
          Console.run(
              "run",
              HOME.resolve("scenarios/provider-outage.yaml").toString(),
              "--out",
              out.toString(),
              "--set",
              "target.kind=url",
              "--set",
              "target.url=http://127.0.0.1:" + agent.port(),
              "--set",
              "fault_plane.provider_port=" + providerPort,
              "--set",
              "fault_plane.tools_port=" + toolsPort,
              "--set",
              "workload.profile[0].constant.duration=28s",
              "--set",
              "faults[0].window.start=8s",
              "--set",
              "faults[0].window.duration=5s",
              CatalogRuns.SHARED_CORES[0],
              CatalogRuns.SHARED_CORES[1]);
      assertThat(console.exitCode())
          .as(console.out() + console.err())
          .isIn(ExitCodes.PASSED, ExitCodes.SLO_FAILED);
      JsonNode windows = CatalogRuns.verdict(out).path("fault_windows");
      assertThat(windows).as("one outage").hasSize(1);
      return windows.get(0);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
