package dev.gauntlet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.agent.AgentConfig;
import dev.gauntlet.agent.ReferenceAgent;
import dev.gauntlet.agent.RunningAgent;
import dev.gauntlet.engine.ExitCodes;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent Gauntlet did not start ({@code target: {kind: url}}) is configured, like any deployment, with the fault
 * plane's fixed ports, and is driven and judged the same way.
 */
class ExternalTargetTest {

  private static final Path HOME =
      Path.of(System.getProperty("gauntlet.home", "..")).toAbsolutePath();

  @Test
  void runsAgainstAnAgentThatIsAlreadyRunning(@TempDir Path dir) throws IOException {
    int providerPort = freePort();
    int toolsPort = freePort();
    try (RunningAgent agent =
        ReferenceAgent.start(
            AgentConfig.fromEnvironment(
                Map.of(
                    "AGENT_PORT",
                    "0",
                    "AGENT_MODE",
                    "resilient",
                    "OPENAI_BASE_URL",
                    "http://127.0.0.1:" + providerPort + "/providers/primary/v1",
                    "AGENT_TOOLS_URL",
                    "http://127.0.0.1:" + toolsPort)))) {

      Console console =
          Console.run(
              "run",
              HOME.resolve("scenarios/smoke.yaml").toString(),
              "--out",
              dir.resolve("external").toString(),
              "--set",
              "target.kind=url",
              "--set",
              "target.url=http://127.0.0.1:" + agent.port(),
              "--set",
              "fault_plane.provider_port=" + providerPort,
              "--set",
              "fault_plane.tools_port=" + toolsPort,
              "--set",
              "workload.profile[0].constant.duration=10s",
              "--set",
              "workload.warmup=2s",
              CatalogRuns.SHARED_CORES[0],
              CatalogRuns.SHARED_CORES[1]);

      assertThat(console.exitCode()).as(console.out() + console.err()).isEqualTo(ExitCodes.PASSED);
      assertThat(console.out()).contains("verdict: PASSED");
    }
  }

  @Test
  void unreachableUrlTargetExitsFourSayingWhatWasTried(@TempDir Path dir) throws IOException {
    int nobody = freePort();

    Console console =
        Console.run(
            "run",
            HOME.resolve("scenarios/smoke.yaml").toString(),
            "--out",
            dir.resolve("unreachable").toString(),
            "--set",
            "target.kind=url",
            "--set",
            "target.url=http://127.0.0.1:" + nobody,
            "--set",
            "target.ready.timeout=2s");

    assertThat(console.exitCode()).isEqualTo(ExitCodes.HARNESS_FAILED);
    assertThat(console.out())
        .contains("could not reach the target at http://127.0.0.1:" + nobody + "/health after 2 s")
        .contains("set target.ready.timeout to wait longer");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
