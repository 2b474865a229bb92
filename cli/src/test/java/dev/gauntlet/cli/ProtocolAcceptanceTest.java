package dev.gauntlet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gauntlet.engine.ExitCodes;
import dev.gauntlet.run.JsonLines;
import dev.gauntlet.run.TaskRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole runs over the asynchronous and streaming task protocols, against the reference agent as a child JVM: the
 * harness and the agent speak the same protocol, and a latency fault on the provider reaches the client as a later
 * first token.
 */
class ProtocolAcceptanceTest {

  @Test
  void streamingScenarioPassesAndMeasuresTheFaultInTheTimeToFirstToken(@TempDir Path runs)
      throws IOException {
    Console console = CatalogRuns.run("streaming.yaml", runs.resolve("stream"));

    assertThat(console.exitCode()).as(console.out()).isEqualTo(ExitCodes.PASSED);
    assertThat(console.out())
        .contains("ttft.p95@during_faults")
        .containsPattern(
            "the provider mock wrote \\d+ paced stream events, p99 \\d+\\.\\d\\d ms after they were due");
    JsonNode slos = CatalogRuns.verdict(runs.resolve("stream")).path("slos");
    double during = measured(slos, "ttft.p95@during_faults");
    double outside = measured(slos, "ttft.p95@outside_faults");
    assertThat(during).as("the slow first tokens reach the client").isGreaterThan(outside + 0.3);
    List<TaskRecord> records =
        JsonLines.readAll(runs.resolve("stream/records.jsonl"), TaskRecord.class);
    assertThat(records)
        .filteredOn(TaskRecord::succeeded)
        .allSatisfy(r -> assertThat(r.ttftMs()).isNotNull().isBetween(0L, r.latencyMs()));
  }

  @Test
  void smokeOverTheAsyncProtocolPasses(@TempDir Path runs) throws IOException {
    Console console =
        CatalogRuns.run(
            "smoke.yaml",
            runs.resolve("async"),
            "--set",
            "workload.protocol=async",
            "--set",
            "workload.profile[0].constant.duration=10s",
            "--set",
            "workload.warmup=2s");

    assertThat(console.exitCode()).as(console.out()).isEqualTo(ExitCodes.PASSED);
    List<TaskRecord> records =
        JsonLines.readAll(runs.resolve("async/records.jsonl"), TaskRecord.class);
    assertThat(records)
        .hasSizeBetween(95, 105)
        .allSatisfy(
            r -> {
              assertThat(r.succeeded()).as(String.valueOf(r.error())).isTrue();
              assertThat(r.ttftMs()).isNull();
            });
  }

  private static double measured(JsonNode slos, String name) {
    for (JsonNode slo : slos) {
      if (name.equals(slo.path("name").asText())) {
        return slo.path("measured").asDouble();
      }
    }
    throw new AssertionError("no SLO " + name + " in " + slos);
  }
}
