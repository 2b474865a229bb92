package dev.gauntlet.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
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
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Gatling runs of the asynchronous and streaming protocols against a loopback agent that follows the reference
 * agent's protocols with known timings. Of the tasks t-1 … t-20, those numbered 10 and 20 fail (502) and those
 * numbered 5 and 15 never finish, so that each run also sees failures and task timeouts.
 */
class TaskProtocolsSimulationTest {

  static {
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private static final long FIRST_TOKEN_MS = 150;
  private static final long SECOND_TOKEN_MS = 100;
  private static final long ASYNC_WORK_MS = 300;
  private static final Duration TASK_TIMEOUT = Duration.ofSeconds(1);

  private HttpServer agent;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final Map<String, Long> submitted = new ConcurrentHashMap<>();

  /** Per task, server side: when its first token (stream) went out, and when its end (done poll, done event) did. */
  private final Map<String, Long> firstTokenSent = new ConcurrentHashMap<>();

  private final Map<String, Long> endSent = new ConcurrentHashMap<>();
  private final AtomicInteger polls = new AtomicInteger();

  @BeforeEach
  void startAgent() throws IOException {
    agent = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    agent.setExecutor(threads);
    agent.createContext(
        "/v1/tasks",
        exchange -> {
          try (exchange) {
            String request =
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if ("GET".equals(exchange.getRequestMethod())) {
              poll(exchange, exchange.getRequestURI().getPath().substring("/v1/tasks/".length()));
            } else if (request.contains("\"async\":true")) {
              String taskId = exchange.getRequestHeaders().getFirst("X-Gauntlet-Task-Id");
              submitted.put(taskId, System.nanoTime());
              send(
                  exchange,
                  202,
                  "{\"task_id\":\"" + taskId + "\",\"status_url\":\"/v1/tasks/" + taskId + "\"}");
            } else {
              stream(exchange);
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } catch (IOException clientGone) {
            // a task the simulation gave up on
          }
        });
    agent.start();
  }

  @AfterEach
  void stopAgent() {
    agent.stop(0);
    threads.shutdownNow();
  }

  @Test
  void streamRecordsTheTimeToTheFirstTokenAndTheLatencyToTheDoneEvent(@TempDir Path dir) {
    List<TaskRecord> records =
        run(
            dir,
            new Workload(
                Workload.Protocol.STREAM,
                List.of(Stage.constant(600, Duration.ofSeconds(2))),
                TASK_TIMEOUT));

    assertThat(records).hasSize(20);
    List<TaskRecord> succeeded = records.stream().filter(TaskRecord::succeeded).toList();
    assertThat(succeeded)
        .hasSize(16)
        .allSatisfy(
            r -> {
              assertThat(r.output()).isEqualTo("Hello");
              assertThat(r.toolCalls()).containsExactly("lookup_order");
              assertThat(r.ttftMs())
                  .as("time to first token: at the client after the server sent it")
                  .isGreaterThanOrEqualTo(serverMs(r, firstTokenSent));
              assertThat(r.latencyMs())
                  .as("latency: at the client after the server sent the done event")
                  .isGreaterThanOrEqualTo(serverMs(r, endSent));
              assertThat(r.ttftMs()).isGreaterThanOrEqualTo(FIRST_TOKEN_MS);
              assertThat(r.latencyMs() - r.ttftMs()).isGreaterThanOrEqualTo(SECOND_TOKEN_MS - 10);
            });
    assertThat(succeeded)
        .as(
            "the first token and the done event timed as they arrive, not when the virtual user"
                + " looks (every 10 ms); ttft/server, latency/server: %s",
            succeeded.stream()
                .map(
                    r ->
                        r.ttftMs()
                            + "/"
                            + serverMs(r, firstTokenSent)
                            + ", "
                            + r.latencyMs()
                            + "/"
                            + serverMs(r, endSent))
                .toList())
        .filteredOn(
            r ->
                r.ttftMs() <= serverMs(r, firstTokenSent) + 40
                    && r.latencyMs() <= serverMs(r, endSent) + 40)
        .hasSizeGreaterThanOrEqualTo(12);
    assertThat(records)
        .filteredOn(r -> number(r) % 10 == 0)
        .hasSize(2)
        .allSatisfy(
            r -> {
              assertThat(r.status()).isEqualTo(502);
              assertThat(r.error()).isEqualTo("HTTP 502: provider down");
              assertThat(r.ttftMs()).as("no token came").isNull();
            });
    assertThat(records)
        .filteredOn(r -> number(r) % 10 == 5)
        .hasSize(2)
        .allSatisfy(
            r -> {
              assertThat(r.status()).isZero();
              assertThat(r.error())
                  .isEqualTo("no response: the task had not finished after task_timeout 1000 ms");
              assertThat(r.latencyMs()).isBetween(1_000L, 1_200L);
            });
  }

  @Test
  void asyncPollsUntilTheTaskIsDoneAndTimesItToTheDonePoll(@TempDir Path dir) {
    List<TaskRecord> records =
        run(
            dir,
            new Workload(
                Workload.Protocol.ASYNC,
                List.of(Stage.constant(600, Duration.ofSeconds(2))),
                TASK_TIMEOUT,
                1,
                Duration.ofMillis(50)));

    assertThat(records).hasSize(20);
    List<TaskRecord> succeeded = records.stream().filter(TaskRecord::succeeded).toList();
    assertThat(succeeded)
        .hasSize(16)
        .allSatisfy(
            r -> {
              assertThat(r.output()).isEqualTo("Hello");
              assertThat(r.status()).isEqualTo(200);
              assertThat(r.latencyMs())
                  .as("never before the work is done")
                  .isGreaterThanOrEqualTo(ASYNC_WORK_MS);
              assertThat(r.latencyMs())
                  .as("until the done poll came back")
                  .isGreaterThanOrEqualTo(serverMs(r, endSent));
              assertThat(r.ttftMs()).isNull();
            });
    assertThat(succeeded)
        .as(
            "the latency ends at the done poll, not at a later one (all but the first few tasks,"
                + " which meet Gatling's HTTP client cold); latency/server span: %s",
            succeeded.stream().map(r -> r.latencyMs() + "/" + serverMs(r, endSent)).toList())
        .filteredOn(r -> r.latencyMs() <= serverMs(r, endSent) + 40)
        .hasSizeGreaterThanOrEqualTo(12);
    assertThat(records)
        .filteredOn(r -> number(r) % 10 == 0)
        .hasSize(2)
        .allSatisfy(
            r -> {
              assertThat(r.status()).as("the failed state's code").isEqualTo(502);
              assertThat(r.error()).isEqualTo("HTTP 502: provider down");
            });
    assertThat(records)
        .filteredOn(r -> number(r) % 10 == 5)
        .hasSize(2)
        .allSatisfy(
            r -> {
              assertThat(r.status()).isZero();
              assertThat(r.error())
                  .isEqualTo("no result: the task was still running after task_timeout 1000 ms");
              assertThat(r.latencyMs()).isBetween(1_000L, 1_200L);
            });
    assertThat(polls.get())
        .as("about one poll per 50 ms per task while it runs, no busy loop")
        .isBetween(18 * 5 + 2 * 15, 18 * 8 + 2 * 22);
  }

  private List<TaskRecord> run(Path dir, Workload workload) {
    Path records = dir.resolve("records.jsonl");
    List<Item> items =
        IntStream.range(0, 3)
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
    try (JsonLinesWriter<TaskRecord> writer = JsonLinesWriter.append(records)) {
      int status =
          SimulationRunner.run(
              new WorkloadPlan(
                  URI.create("http://127.0.0.1:" + agent.getAddress().getPort()),
                  workload,
                  items,
                  42,
                  writer::write,
                  () -> {}),
              dir.resolve("gatling"),
              "test");
      assertThat(status).isZero();
    }
    return JsonLines.readAll(records, TaskRecord.class);
  }

  private void stream(HttpExchange exchange) throws IOException, InterruptedException {
    String taskId = exchange.getRequestHeaders().getFirst("X-Gauntlet-Task-Id");
    submitted.put(taskId, System.nanoTime());
    int n = number(taskId);
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    if (n % 10 == 0) {
      Thread.sleep(50);
      event(out, "error", "{\"task_id\":\"x\",\"error\":\"provider down\",\"code\":502}");
      return;
    }
    Thread.sleep(FIRST_TOKEN_MS);
    firstTokenSent.put(
        taskId, System.nanoTime()); // before the write, so the client can only see it later
    event(out, "token", "{\"text\":\"Hel\"}");
    Thread.sleep(n % 10 == 5 ? 3_000 : SECOND_TOKEN_MS);
    event(out, "token", "{\"text\":\"lo\"}");
    endSent.put(taskId, System.nanoTime());
    event(
        out,
        "done",
        "{\"task_id\":\"x\",\"output\":\"Hello\",\"tool_calls\":[{\"name\":\"lookup_order\",\"arguments\":{}}]}");
  }

  private void poll(HttpExchange exchange, String taskId) throws IOException {
    polls.incrementAndGet();
    int n = number(taskId);
    boolean working =
        n % 10 == 5 || System.nanoTime() - submitted.get(taskId) < ASYNC_WORK_MS * 1_000_000;
    if (!working) {
      endSent.putIfAbsent(taskId, System.nanoTime());
    }
    send(
        exchange,
        200,
        working
            ? "{\"task_id\":\"" + taskId + "\",\"status\":\"running\"}"
            : n % 10 == 0
                ? "{\"task_id\":\""
                    + taskId
                    + "\",\"status\":\"failed\",\"error\":\"provider down\",\"code\":502}"
                : "{\"status\":\"done\",\"task_id\":\""
                    + taskId
                    + "\",\"output\":\"Hello\",\"tool_calls\":[]}");
  }

  private static void event(OutputStream out, String name, String data) throws IOException {
    out.write(("event: " + name + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  /** Milliseconds from when the server got the task until {@code sent} says it answered it. */
  private long serverMs(TaskRecord record, Map<String, Long> sent) {
    return (sent.get(record.taskId()) - submitted.get(record.taskId())) / 1_000_000;
  }

  private static int number(TaskRecord record) {
    return number(record.taskId());
  }

  private static int number(String taskId) {
    return Integer.parseInt(taskId.substring(2));
  }
}
