package dev.gauntlet.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.gauntlet.dataset.Expectation;
import dev.gauntlet.dataset.Item;
import dev.gauntlet.dataset.ScriptStep;
import dev.gauntlet.run.JsonLines;
import dev.gauntlet.run.JsonLinesWriter;
import dev.gauntlet.run.TaskRecord;
import dev.gauntlet.scenario.Stage;
import dev.gauntlet.scenario.Workload;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskSimulationTest {

  private HttpServer agent;
  private final AtomicInteger served = new AtomicInteger();

  @BeforeEach
  void startAgent() throws IOException {
    agent = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    agent.setExecutor(Executors.newFixedThreadPool(8));
    agent.createContext(
        "/v1/tasks",
        exchange -> {
          String request =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          int n = served.incrementAndGet();
          boolean fail = n % 10 == 0;
          String taskId = exchange.getRequestHeaders().getFirst("X-Gauntlet-Task-Id");
          byte[] body =
              (fail
                      ? "{\"error\":\"provider down\"}"
                      : "{\"task_id\":\""
                          + taskId
                          + "\",\"output\":\"echo "
                          + request.length()
                          + "\",\"tool_calls\":[{\"name\":\"lookup_order\",\"arguments\":{}}]}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(fail ? 502 : 200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    agent.start();
  }

  @AfterEach
  void stopAgent() {
    agent.stop(0);
  }

  @Test
  void constantProfileSendsOneTaskPerArrivalAndRecordsEachAsItFinishes(@TempDir Path dir) {
    Path records = dir.resolve("records.jsonl");
    AtomicInteger started = new AtomicInteger();
    List<Item> items =
        IntStream.range(0, 7)
            .mapToObj(
                i ->
                    new Item(
                        "cs-" + i,
                        "question " + i,
                        new Expectation.Contains(List.of("x")),
                        List.of(),
                        List.of(new ScriptStep.Answer("x")),
                        List.of(),
                        i + 1))
            .toList();
    Workload workload =
        new Workload(
            Workload.Protocol.SYNC,
            List.of(Stage.constant(1200, Duration.ofSeconds(3))),
            Duration.ofSeconds(5));
    try (JsonLinesWriter<TaskRecord> writer = JsonLinesWriter.append(records)) {
      int status =
          SimulationRunner.run(
              new WorkloadPlan(
                  URI.create("http://127.0.0.1:" + agent.getAddress().getPort()),
                  workload,
                  items,
                  42,
                  writer::write,
                  started::incrementAndGet),
              dir.resolve("gatling"),
              "test");
      assertThat(status).isZero();
    }

    assertThat(started).as("onStart runs once, before the first arrival").hasValue(1);
    List<TaskRecord> written = JsonLines.readAll(records, TaskRecord.class);
    assertThat(written).as("1200/min for 3 s").hasSize(60);
    assertThat(written).extracting(TaskRecord::taskId).doesNotHaveDuplicates();
    assertThat(written)
        .filteredOn(TaskRecord::succeeded)
        .hasSize(54)
        .allSatisfy(
            r -> {
              assertThat(r.output()).startsWith("echo ");
              assertThat(r.toolCalls()).containsExactly("lookup_order");
            });
    assertThat(written)
        .filteredOn(r -> !r.succeeded())
        .allSatisfy(r -> assertThat(r.error()).isEqualTo("HTTP 502: provider down"));
    assertThat(written).extracting(TaskRecord::itemId).contains("cs-0", "cs-6");
    assertThat(written)
        .filteredOn(r -> r.itemId().equals("cs-0"))
        .extracting(TaskRecord::trial)
        .contains(0, 1);
    assertThat(Files.exists(dir.resolve("gatling"))).isTrue();
    List<Long> due = written.stream().map(TaskRecord::scheduledMs).sorted().toList();
    assertThat(due)
        .as("every task knows when its arrival was due")
        .doesNotContainNull()
        .doesNotHaveDuplicates();
    assertThat(
            IntStream.range(1, due.size())
                .mapToLong(i -> due.get(i) - due.get(i - 1))
                .distinct()
                .toArray())
        .as("1200/min: one arrival every 50 ms, as Gatling schedules them")
        .containsExactly(50);
  }
}
