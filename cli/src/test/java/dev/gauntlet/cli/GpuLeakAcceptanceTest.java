package dev.gauntlet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.engine.ExitCodes;
import dev.gauntlet.run.JsonLines;
import dev.gauntlet.run.MemorySample;
import dev.gauntlet.run.RunDirectory;
import dev.gauntlet.run.TimelineEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code gpu_leak} scenario as whole runs: a self-hosted model server leaking 180 MB per completion. The naive
 * agent keeps asking it once it is full and fails; the resilient agent's watchdog restarts it before it fills and
 * passes. About 70 s a run.
 */
class GpuLeakAcceptanceTest {

  @Test
  void theNaiveAgentKeepsAskingTheFullServerAndFails(@TempDir Path runs) throws IOException {
    Path run = runs.resolve("naive");

    Console naive = CatalogRuns.run("gpu-leak.yaml", run, "--set", "target.mode=naive");

    assertThat(naive.exitCode()).as("naive agent:\n" + naive.out()).isEqualTo(ExitCodes.SLO_FAILED);
    assertThat(CatalogRuns.failedSlos(run))
        .contains("success_rate", "recovery_time", "leak.detection_time");
    assertThat(events(run))
        .as("nobody restarts the server")
        .contains(TimelineEvent.OOM)
        .doesNotContain(TimelineEvent.RESTART);
    List<MemorySample> memory =
        JsonLines.readAll(new RunDirectory(run).memory(), MemorySample.class);
    assertThat(memory).as("memory.jsonl, once a second for the run").hasSizeGreaterThan(55);
    assertThat(memory)
        .extracting(MemorySample::usedMb)
        .as("filled to within one leak of 80 GiB")
        .anySatisfy(used -> assertThat(used).isGreaterThan(81920 - 171.7));
  }

  @Test
  void theResilientAgentRestartsTheServerBeforeItFillsAndPasses(@TempDir Path runs)
      throws IOException {
    Path run = runs.resolve("resilient");

    Console resilient = CatalogRuns.run("gpu-leak.yaml", run);

    assertThat(resilient.exitCode())
        .as("resilient agent:\n" + resilient.out())
        .isEqualTo(ExitCodes.PASSED);
    assertThat(events(run))
        .as("the watchdog restarts the server")
        .contains(TimelineEvent.RESTART)
        .doesNotContain(TimelineEvent.OOM);
  }

  @Test
  void serveListsTheSelfHostedServersEndpointsAndTheWatchdogSettings(@TempDir Path dir) {
    Console console =
        Console.run(
            "serve",
            Path.of(System.getProperty("gauntlet.home", ".."))
                .resolve("scenarios/gpu-leak.yaml")
                .toString(),
            "--out",
            dir.resolve("serve").toString(),
            "--duration",
            "1s");

    assertThat(console.exitCode()).as(console.out() + console.err()).isEqualTo(ExitCodes.PASSED);
    String root = console.out().replaceAll("(?s).*self-hosted server\\s+(\\S+).*", "$1");
    assertThat(root).startsWith("http://127.0.0.1:");
    assertThat(console.out())
        .contains("provider local      openai    " + root + "/v1")
        .contains(root + "/metrics")
        .contains(root + "/health")
        .contains("curl -X POST " + root + "/gauntlet/restart")
        .contains("OPENAI_BASE_URL=" + root + "/v1")
        .contains("AGENT_WATCHDOG_URL=" + root)
        .contains("AGENT_WATCHDOG_THRESHOLD=0.9")
        .contains("AGENT_WATCHDOG_INTERVAL=1s");
  }

  private static List<String> events(Path run) {
    return JsonLines.readAll(new RunDirectory(run).timeline(), TimelineEvent.class).stream()
        .map(TimelineEvent::action)
        .toList();
  }
}
