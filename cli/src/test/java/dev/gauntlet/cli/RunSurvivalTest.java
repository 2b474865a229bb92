package dev.gauntlet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gauntlet.engine.ExitCodes;
import dev.gauntlet.run.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing measured is lost: a run that is killed, or whose target dies, still leaves its records and a verdict that
 * says what happened.
 */
class RunSurvivalTest {

  private static final Path HOME =
      Path.of(System.getProperty("gauntlet.home", "..")).toAbsolutePath();

  @Test
  void killedRunLeavesItsRecordsAndAVerdictSayingItWasInterrupted(@TempDir Path dir)
      throws Exception {
    Path out = dir.resolve("killed");
    Process gauntlet =
        new ProcessBuilder(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED",
                "-Dgauntlet.home=" + HOME,
                "-cp",
                System.getProperty("java.class.path"),
                GauntletCommand.class.getName(),
                "run",
                HOME.resolve("scenarios/smoke.yaml").toString(),
                "--out",
                out.toString(),
                "--set",
                "workload.warmup=1s")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("gauntlet.log").toFile())
            .start();
    awaitRecords(out.resolve("records.jsonl"), 60, Duration.ofSeconds(90));
    List<ProcessHandle> children = gauntlet.descendants().toList();

    gauntlet.destroy(); // SIGTERM, as a CI job timeout or Ctrl-C would send

    assertThat(gauntlet.waitFor(30, TimeUnit.SECONDS)).as("gauntlet exits after SIGTERM").isTrue();
    JsonNode info = Json.mapper().readTree(out.resolve("run.json").toFile());
    assertThat(info.path("outcome").asText()).isEqualTo("interrupted");
    JsonNode verdict = Json.mapper().readTree(out.resolve("verdict.json").toFile());
    assertThat(verdict.path("outcome").asText()).isEqualTo("interrupted");
    assertThat(verdict.path("status").asText())
        .as("an interrupted run is never passed")
        .isNotEqualTo("passed");
    assertThat(verdict.path("tasks").asInt()).isGreaterThanOrEqualTo(40);
    assertThat(Files.readString(out.resolve("summary.md"))).contains("interrupted");
    for (ProcessHandle child : children) {
      child.onExit().get(15, TimeUnit.SECONDS);
      assertThat(child.isAlive()).as("the reference agent does not outlive the harness").isFalse();
    }
  }

  @Test
  void targetThatDiesMidRunFailsTheGateAndTheVerdictSaysSo(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("died");
    CompletableFuture<Console> run =
        CompletableFuture.supplyAsync(
            () ->
                Console.run(
                    "run",
                    HOME.resolve("scenarios/smoke.yaml").toString(),
                    "--out",
                    out.toString(),
                    "--set",
                    "workload.profile[0].constant.duration=20s"));
    awaitRecords(out.resolve("records.jsonl"), 60, Duration.ofSeconds(90));

    List<ProcessHandle> agents =
        ProcessHandle.current()
            .children() // the embedded agent is this JVM's child
            .filter(p -> p.info().command().orElse("").endsWith("java"))
            .toList();
    assertThat(agents).as("the embedded reference agent").hasSize(1);
    agents.forEach(ProcessHandle::destroyForcibly); // the agent crashes

    Console console = run.get(120, TimeUnit.SECONDS);
    assertThat(console.exitCode()).isEqualTo(ExitCodes.SLO_FAILED);
    JsonNode verdict = Json.mapper().readTree(out.resolve("verdict.json").toFile());
    assertThat(verdict.path("outcome").asText()).isEqualTo("target_died");
    assertThat(verdict.path("outcome_detail").asText()).contains("the reference agent exited");
    assertThat(console.out()).contains("success_rate").contains("FAILED");
    assertThat(Files.readString(out.resolve("summary.md"))).contains("target_died");
  }

  private static void awaitRecords(Path records, int atLeast, Duration timeout)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(records) && Files.readAllLines(records).size() >= atLeast) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(records + " did not reach " + atLeast + " records in " + timeout);
  }
}
