package dev.gauntlet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gauntlet.run.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gates must tell a resilient agent from a naive one: each fault scenario passes against the reference agent
 * in its resilient mode and fails, naming the SLOs that broke, in its naive mode. A gate that cannot fail is
 * worthless. These are whole runs (reference agent as a child JVM, WireMock mocks, Gatling), about 45 s each.
 */
class GateAcceptanceTest {

  private static final Path HOME = Path.of(System.getProperty("gauntlet.home", ".."));

  @Test
  void smokeRunPassesEverySlo(@TempDir Path runs) throws IOException {
    Console console = run("smoke.yaml", runs.resolve("smoke"));

    assertThat(console.exitCode()).as(console.out()).isEqualTo(ExitCodes.PASSED);
    JsonNode verdict = verdict(runs.resolve("smoke"));
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
    Console resilient = run(scenario, runs.resolve("resilient"));
    Console naive = run(scenario, runs.resolve("naive"), "--set", "target.mode=naive");

    assertThat(resilient.exitCode()).as("resilient agent:\n" + resilient.out()).isEqualTo(ExitCodes.PASSED);
    assertThat(naive.exitCode()).as("naive agent:\n" + naive.out()).isEqualTo(ExitCodes.SLO_FAILED);
    assertThat(failedSlos(runs.resolve("naive"))).contains("success_rate", "recovery_time");
    assertThat(naive.out()).contains("FAILED").contains("success_rate").contains("recovery_time");
  }

  private static Console run(String scenario, Path out, String... extra) {
    List<String> args = new ArrayList<>(List.of("run", HOME.resolve("scenarios").resolve(scenario).toString(),
        "--out", out.toString()));
    args.addAll(List.of(extra));
    return Console.run(args.toArray(String[]::new));
  }

  private static JsonNode verdict(Path run) throws IOException {
    return Json.mapper().readTree(run.resolve("verdict.json").toFile());
  }

  private static List<String> failedSlos(Path run) throws IOException {
    List<String> failed = new ArrayList<>();
    verdict(run).path("slos").forEach(slo -> {
      if (slo.path("status").asText().equalsIgnoreCase("failed")) {
        failed.add(slo.path("metric").asText());
      }
    });
    return failed;
  }
}
