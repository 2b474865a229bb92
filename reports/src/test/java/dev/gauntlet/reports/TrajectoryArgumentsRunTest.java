package dev.gauntlet.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.dataset.Dataset;
import dev.gauntlet.dataset.DatasetLoader;
import dev.gauntlet.faults.FaultPlane;
import dev.gauntlet.run.Json;
import dev.gauntlet.run.JsonLinesWriter;
import dev.gauntlet.run.RunDirectory;
import dev.gauntlet.run.RunInfo;
import dev.gauntlet.run.TaskCorrelation;
import dev.gauntlet.run.TaskRecord;
import dev.gauntlet.scenario.Evaluation;
import dev.gauntlet.scenario.FaultPlaneSpec;
import dev.gauntlet.scenario.Provider;
import dev.gauntlet.scenario.Scenario;
import dev.gauntlet.scenario.SloSpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trajectory that checks arguments, scored end to end from a real run's ledger: the tool mock of a real fault plane
 * serves the agent's calls over HTTP and writes them, arguments included, to ledger.jsonl; records.jsonl keeps only
 * the tool names, as a run writes it; the evaluator joins the two.
 */
class TrajectoryArgumentsRunTest {

  private static final String MANIFEST =
      String.join(
          "\n",
          "name: shop",
          "version: '1'",
          "owner: qa",
          "description: a tiny shop",
          "tools:",
          "  - name: lookup_order",
          "    description: Look up an order.",
          "    parameters:",
          "      type: object",
          "      properties:",
          "        order_id: {type: string}",
          "      required: [order_id]",
          "");

  private static final String ITEM =
      "{\"id\":\"where\",\"input\":\"Where is A1?\","
          + "\"expected\":{\"trajectory\":[{\"name\":\"lookup_order\",\"arguments\":{\"order_id\":\"A1\"}}]},"
          + "\"fixtures\":[{\"tool\":\"lookup_order\",\"arguments\":{\"order_id\":\"A1\"},"
          + "\"response\":{\"status\":\"shipped\"}}],"
          + "\"script\":[{\"tool_calls\":[{\"name\":\"lookup_order\",\"arguments\":{\"order_id\":\"A1\"}}]},"
          + "{\"answer\":\"It has {{lookup_order.status}}.\"}]}";

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final long START = 1_700_000_000_000L;

  @TempDir Path dir;

  @Test
  void theRightArgumentsPassAndTheWrongOnesFailFromTheToolMocksLedger() throws Exception {
    Dataset dataset = DatasetLoader.load(writeDataset());
    RunDirectory run = RunDirectory.create(dir.resolve("run"));
    long started = System.currentTimeMillis();
    try (FaultPlane plane = FaultPlane.start(scenario(), dataset, run, Clock.systemUTC())) {
      assertThat(callTool(plane, "t-right", "{\"order_id\": \"A1\"}")).isEqualTo(200);
      assertThat(callTool(plane, "t-wrong", "{\"order_id\": \"A2\"}"))
          .as("no fixture for A2")
          .isEqualTo(404);
    }
    long ended = System.currentTimeMillis() + 1;
    // Both agents report the same tool name, which is all records.jsonl keeps: only the ledger
    // tells them apart.
    try (JsonLinesWriter<TaskRecord> records = JsonLinesWriter.append(run.records())) {
      records.write(answered("t-right", started, ended));
      records.write(answered("t-wrong", started, ended));
    }
    Json.mapper()
        .writeValue(
            run.runInfo().toFile(),
            new RunInfo(
                "trajectories", 42, "resilient", started, ended, 60, RunInfo.COMPLETED, null));

    Verdict verdict = Evaluator.evaluate(scenario(), dataset, run);

    assertThat(verdict.metrics())
        .as("one scored right, one scored wrong: none left unscored")
        .containsEntry("accuracy", 0.5);
  }

  @Test
  void withoutTheLedgerTheSameRecordsAreLeftUnscored() throws Exception {
    Dataset dataset = DatasetLoader.load(writeDataset());
    RunDirectory run = RunDirectory.create(dir.resolve("run"));
    try (JsonLinesWriter<TaskRecord> records = JsonLinesWriter.append(run.records())) {
      records.write(answered("t-right", START, START + 1_000));
      records.write(answered("t-wrong", START, START + 1_000));
    }

    Verdict verdict = Evaluator.evaluate(scenario(), dataset, run);

    assertThat(verdict.metrics())
        .as("names alone cannot check arguments")
        .containsEntry("accuracy", null);
  }

  private static TaskRecord answered(String taskId, long startMs, long endMs) {
    return new TaskRecord(
        taskId,
        "where",
        0,
        startMs,
        endMs - startMs,
        200,
        "It has shipped.",
        null,
        List.of("lookup_order"));
  }

  private static int callTool(FaultPlane plane, String taskId, String arguments) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(plane.toolsBaseUrl() + "/tools/lookup_order"))
            .header("Content-Type", "application/json")
            .header(TaskCorrelation.TASK_HEADER, taskId)
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofString(arguments))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  private Path writeDataset() throws IOException {
    Path shop = Files.createDirectories(dir.resolve("shop"));
    Files.writeString(shop.resolve(DatasetLoader.MANIFEST), MANIFEST);
    Files.writeString(shop.resolve(DatasetLoader.ITEMS), ITEM + "\n");
    return shop;
  }

  private static Scenario scenario() {
    return new Scenario(
        "trajectories",
        42,
        null,
        "shop",
        List.of(new Provider("primary", "openai", "gpt-4o-mini")),
        Map.of(),
        null,
        List.of(),
        List.of(new SloSpec("accuracy", SloSpec.Scope.WHOLE, 1.0, null)),
        Evaluation.defaults(),
        FaultPlaneSpec.anyPorts(),
        null);
  }
}
