package dev.gauntlet.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gauntlet.faults.internal.Timeline;
import dev.gauntlet.run.JsonLines;
import dev.gauntlet.run.MemorySample;
import dev.gauntlet.run.RunDirectory;
import dev.gauntlet.run.TimelineEvent;
import dev.gauntlet.scenario.Evaluation;
import dev.gauntlet.scenario.Fault;
import dev.gauntlet.scenario.FaultPlaneSpec;
import dev.gauntlet.scenario.FaultSpec;
import dev.gauntlet.scenario.Provider;
import dev.gauntlet.scenario.Scenario;
import dev.gauntlet.scenario.Window;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulated self-hosted model server as a client on loopback sees it: a device of 1000 MiB, 500 taken at start,
 * 100 MiB leaked per completion while the fault is on, so five completions fill it and the sixth does not fit.
 */
class SelfHostedServerTest {

  private static final String MODEL = "llama-3.1-8b-instruct";
  private static final String CHAT =
      "{\"model\":\""
          + MODEL
          + "\",\"messages\":[{\"role\":\"user\","
          + "\"content\":\"Say hello\"}]}";
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final Pattern SAMPLE =
      Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})? (\\S+)");

  @TempDir Path dir;

  private FaultPlane plane;
  private RunDirectory run;

  @AfterEach
  void stop() {
    if (plane != null) {
      plane.close();
    }
  }

  private FaultPlane start(Fault.GpuLeak.OnOom onOom, Duration coldStart, Duration latency) {
    Provider local =
        Provider.selfHosted(
            "local", MODEL, new Provider.SelfHosted(1000, 500, coldStart, 3.0, latency));
    FaultSpec leak =
        new FaultSpec(
            "leak",
            new Window(Duration.ofHours(1), Duration.ofHours(1)),
            1.0,
            "local",
            null,
            new Fault.GpuLeak(100, onOom));
    Scenario scenario =
        new Scenario(
            "leak",
            1,
            null,
            "orders",
            List.of(local, new Provider("backup", "openai", Fixtures.MODEL)),
            Map.of(Fixtures.MODEL, Fixtures.PRICE),
            null,
            List.of(leak),
            List.of(),
            Evaluation.defaults(),
            FaultPlaneSpec.anyPorts(),
            null);
    run = RunDirectory.create(dir);
    plane = FaultPlane.start(scenario, Fixtures.dataset(), run, Clock.systemUTC());
    return plane;
  }

  private URI root() {
    return plane.selfHostedUrl("local").orElseThrow();
  }

  private HttpResponse<String> chat() {
    return send(
        HttpRequest.newBuilder(URI.create(plane.providerBaseUrl("local") + "/chat/completions"))
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(CHAT)));
  }

  private HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(root() + path)).GET());
  }

  private HttpResponse<String> restart() {
    return send(
        HttpRequest.newBuilder(URI.create(root() + "/gauntlet/restart"))
            .POST(HttpRequest.BodyPublishers.noBody()));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return CLIENT.send(
          request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The samples of a Prometheus text page by metric name, checking that each has its HELP and TYPE first. */
  private static Map<String, Double> metrics(HttpResponse<String> page) {
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("content-type"))
        .hasValue("text/plain; version=0.0.4; charset=utf-8");
    Map<String, Double> values = new LinkedHashMap<>();
    List<String> lines = page.body().lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("#")) {
        assertThat(line)
            .as("comment line %d", i)
            .matches("# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .+");
        continue;
      }
      Matcher sample = SAMPLE.matcher(line);
      assertThat(sample.matches()).as("sample line %d: %s", i, line).isTrue();
      String name = sample.group(1);
      assertThat(lines.subList(0, i))
          .as("HELP and TYPE before " + name)
          .contains("# TYPE " + name + " gauge")
          .anyMatch(l -> l.startsWith("# HELP " + name + " "));
      values.put(
          name + (sample.group(2) == null ? "" : sample.group(2)),
          Double.parseDouble(sample.group(3)));
    }
    return values;
  }

  private static double metric(Map<String, Double> metrics, String name) {
    return metrics.entrySet().stream()
        .filter(e -> e.getKey().startsWith(name + "{"))
        .findFirst()
        .orElseThrow()
        .getValue();
  }

  private List<TimelineEvent> serverEvents() {
    return JsonLines.readAll(run.timeline(), TimelineEvent.class).stream()
        .filter(e -> !e.action().equals(TimelineEvent.ON) && !e.action().equals(TimelineEvent.OFF))
        .toList();
  }

  @Test
  void leaksExactlyItsSizePerCompletionWhileTheFaultIsOn() {
    start(Fault.GpuLeak.OnOom.ERRORS, Duration.ZERO, Duration.ZERO);
    assertThat(chat().statusCode()).isEqualTo(200);
    assertThat(metric(metrics(get("/metrics")), "DCGM_FI_DEV_FB_USED"))
        .as("no leak while off")
        .isEqualTo(500);

    plane.switchOn("leak");
    for (int i = 0; i < 3; i++) {
      assertThat(chat().statusCode()).isEqualTo(200);
    }
    plane.switchOff("leak");
    assertThat(chat().statusCode()).isEqualTo(200);

    Map<String, Double> metrics = metrics(get("/metrics"));
    assertThat(metric(metrics, "DCGM_FI_DEV_FB_USED")).isEqualTo(800);
    assertThat(metric(metrics, "DCGM_FI_DEV_FB_FREE")).isEqualTo(200);
    assertThat(metric(metrics, "vllm:gpu_cache_usage_perc")).isCloseTo(0.8, within(1e-9));
    assertThat(metric(metrics, "vllm:num_requests_running")).isEqualTo(0);
  }

  @Test
  void metricsUseVllmAndDcgmNamesAndLabels() {
    start(Fault.GpuLeak.OnOom.ERRORS, Duration.ZERO, Duration.ZERO);

    Map<String, Double> metrics = metrics(get("/metrics"));

    assertThat(metrics.keySet())
        .containsExactly(
            "vllm:gpu_cache_usage_perc{model_name=\"" + MODEL + "\"}",
            "vllm:num_requests_running{model_name=\"" + MODEL + "\"}",
            "DCGM_FI_DEV_FB_USED{gpu=\"0\",UUID=\"GPU-00000000-0000-0000-0000-000000000000\",device=\"nvidia0\","
                + "modelName=\"Simulated\",Hostname=\"gauntlet\"}",
            "DCGM_FI_DEV_FB_FREE{gpu=\"0\",UUID=\"GPU-00000000-0000-0000-0000-000000000000\",device=\"nvidia0\","
                + "modelName=\"Simulated\",Hostname=\"gauntlet\"}");
    assertThat(metrics.values()).containsExactly(0.5, 0.0, 500.0, 500.0);
  }

  @Test
  void answersSlowDownLinearlyAboveEightyPercent() {
    start(Fault.GpuLeak.OnOom.ERRORS, Duration.ZERO, Duration.ofMillis(200));
    plane.switchOn("leak");
    long[] ms = new long[5];
    for (int i = 0; i < 5; i++) {
      long t = System.nanoTime();
      assertThat(chat().statusCode()).isEqualTo(200);
      ms[i] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t);
    }

    // Used after each completion: 600, 700, 800, 900, 1000 of 1000 MiB; factors 1, 1, 1, 2, 3 on
    // 200 ms.
    assertThat(ms[0]).as("60 percent full: the base latency").isBetween(200L, 1_000L);
    assertThat(ms[2]).as("80 percent full: still the base latency").isBetween(200L, 399L);
    assertThat(ms[3]).as("90 percent full: twice as slow").isGreaterThanOrEqualTo(400L);
    assertThat(ms[4]).as("full: three times as slow").isGreaterThanOrEqualTo(600L);
  }

  @Test
  void aFullDeviceAnswersCudaOutOfMemoryUntilRestarted() {
    start(Fault.GpuLeak.OnOom.ERRORS, Duration.ZERO, Duration.ZERO);
    plane.switchOn("leak");
    for (int i = 0; i < 5; i++) {
      assertThat(chat().statusCode()).as("completion %d fits", i + 1).isEqualTo(200);
    }

    HttpResponse<String> oom = chat();
    plane.switchOff("leak");
    HttpResponse<String> afterTheWindow = chat();

    assertThat(oom.statusCode()).isEqualTo(500);
    JsonNode error = Fixtures.json(oom.body()).path("error");
    assertThat(error.path("message").asText())
        .startsWith(
            "CUDA out of memory. Tried to allocate 100.00 MiB. GPU 0 "
                + "has a total capacity of 1000.00 MiB of which 0.00 MiB is free.");
    assertThat(error.path("type").asText()).isEqualTo("server_error");
    assertThat(afterTheWindow.statusCode())
        .as("leaked memory stays taken after the window")
        .isEqualTo(500);
    assertThat(serverEvents())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.action()).isEqualTo(TimelineEvent.OOM);
              assertThat(e.provider()).isEqualTo("local");
              assertThat(e.kind()).isEqualTo("gpu_leak");
              assertThat(e.fault()).isEqualTo("leak");
            });
  }

  @Test
  void aCrashedServerStopsAnsweringUntilARestartResetsItsConnections() throws Exception {
    start(Fault.GpuLeak.OnOom.CRASH, Duration.ZERO, Duration.ZERO);
    plane.switchOn("leak");
    for (int i = 0; i < 5; i++) {
      assertThat(chat().statusCode()).isEqualTo(200);
    }

    CompletableFuture<HttpResponse<String>> hung =
        CLIENT.sendAsync(
            HttpRequest.newBuilder(URI.create(plane.providerBaseUrl("local") + "/chat/completions"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(CHAT))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    // The completion that does not fit crashes the server when it arrives: probe only once it has.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (serverEvents().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(serverEvents())
        .extracting(TimelineEvent::action)
        .containsExactly(TimelineEvent.CRASH);
    for (String path : List.of("/health", "/metrics", "/v1/models")) {
      CompletableFuture<HttpResponse<String>> call =
          CLIENT.sendAsync(
              HttpRequest.newBuilder(URI.create(root() + path))
                  .timeout(Duration.ofMillis(500))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(call)
          .as(path + " once crashed")
          .failsWithin(Duration.ofSeconds(5))
          .withThrowableOfType(ExecutionException.class)
          .withCauseInstanceOf(HttpTimeoutException.class);
    }
    assertThat(hung).as("the completion that did not fit").isNotDone();

    HttpResponse<String> restarted = restart();

    assertThat(restarted.statusCode()).isEqualTo(202);
    assertThat(hung)
        .failsWithin(Duration.ofSeconds(5))
        .withThrowableOfType(ExecutionException.class)
        .withCauseInstanceOf(IOException.class);
    assertThat(chat().statusCode()).as("cold start 0: answering again at once").isEqualTo(200);
    assertThat(serverEvents())
        .extracting(TimelineEvent::action)
        .containsExactly(TimelineEvent.CRASH, TimelineEvent.RESTART, TimelineEvent.READY);
  }

  @Test
  void aRestartGivesTheMemoryBackAndAnswers503UntilTheColdStartEnds() throws Exception {
    start(Fault.GpuLeak.OnOom.ERRORS, Duration.ofSeconds(1), Duration.ZERO);
    plane.switchOn("leak");
    for (int i = 0; i < 4; i++) {
      chat();
    }
    long t0 = System.nanoTime();

    HttpResponse<String> restarted = restart();
    HttpResponse<String> starting = chat();
    HttpResponse<String> health = get("/health");
    double usedWhileStarting = metric(metrics(get("/metrics")), "DCGM_FI_DEV_FB_USED");
    while (get("/health").statusCode() != 200
        && System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5)) {
      Thread.sleep(20);
    }
    long readyMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);

    assertThat(restarted.statusCode()).isEqualTo(202);
    assertThat(Fixtures.json(restarted.body()).toString())
        .isEqualTo("{\"restarting\":true,\"cold_start_ms\":1000}");
    assertThat(starting.statusCode()).isEqualTo(503);
    assertThat(Fixtures.json(starting.body()).path("error").path("message").asText())
        .isEqualTo("model server is starting");
    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(usedWhileStarting).as("back to the baseline").isEqualTo(500);
    assertThat(readyMs).as("cold start").isBetween(950L, 3000L);
    assertThat(chat().statusCode()).isEqualTo(200);
    assertThat(JsonLines.readAll(run.timeline(), Timeline.Line.class))
        .extracting(l -> l.action() + " by " + l.by())
        .containsExactly("on by manual", "restart by http", "ready by server");
  }

  @Test
  void memoryIsSampledOnceASecondAndAroundEachRestart() throws Exception {
    start(Fault.GpuLeak.OnOom.ERRORS, Duration.ZERO, Duration.ZERO);
    plane.switchOn("leak");
    chat();
    chat();
    Thread.sleep(1_200);
    HttpResponse<String> byHand =
        send(
            HttpRequest.newBuilder(URI.create(plane.adminBaseUrl() + "/providers/local/restart"))
                .POST(HttpRequest.BodyPublishers.noBody()));
    chat();
    plane.close();

    List<MemorySample> samples = JsonLines.readAll(run.memory(), MemorySample.class);
    assertThat(byHand.statusCode()).isEqualTo(200);
    assertThat(Fixtures.json(byHand.body()).toString())
        .isEqualTo("{\"provider\":\"local\",\"restarting\":true,\"cold_start_ms\":0}");
    assertThat(samples)
        .as("one at start, one a second later, two at the restart, one at close")
        .hasSizeBetween(5, 7);
    assertThat(samples)
        .allSatisfy(
            s -> {
              assertThat(s.source()).isEqualTo("local");
              assertThat(s.totalMb()).isEqualTo(1000);
            });
    assertThat(samples).extracting(MemorySample::tsMs).isSorted();
    assertThat(samples)
        .anySatisfy(
            s -> assertThat(s).isEqualTo(new MemorySample(s.tsMs(), "local", 700, 1000, 2, 0)));
    assertThat(samples)
        .anySatisfy(
            s -> assertThat(s).isEqualTo(new MemorySample(s.tsMs(), "local", 500, 1000, 2, 1)));
    assertThat(samples.get(samples.size() - 1))
        .as("after the restart, one more completion leaked")
        .isEqualTo(
            new MemorySample(samples.get(samples.size() - 1).tsMs(), "local", 600, 1000, 3, 1));
  }

  @Test
  void servesTheProvidersScriptedAnswersOnItsOwnPort() {
    start(Fault.GpuLeak.OnOom.ERRORS, Duration.ZERO, Duration.ZERO);

    HttpResponse<String> answer = chat();
    HttpResponse<String> models = get("/v1/models");
    URI shared =
        URI.create(plane.providerBaseUrl("backup").toString().replace("/backup/", "/local/"));
    HttpResponse<String> bypass =
        send(
            HttpRequest.newBuilder(URI.create(shared + "/chat/completions"))
                .POST(HttpRequest.BodyPublishers.ofString(CHAT)));
    HttpResponse<String> notMine =
        send(
            HttpRequest.newBuilder(URI.create(plane.adminBaseUrl() + "/providers/backup/restart"))
                .POST(HttpRequest.BodyPublishers.noBody()));

    assertThat(plane.providerBaseUrl("local")).isEqualTo(URI.create(root() + "/v1"));
    assertThat(plane.providerBaseUrl("backup").getPort()).isNotEqualTo(root().getPort());
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(
            Fixtures.json(answer.body())
                .path("choices")
                .get(0)
                .path("message")
                .path("content")
                .asText())
        .isEqualTo("Hello!");
    assertThat(Fixtures.json(models.body()).path("data").get(0).path("id").asText())
        .isEqualTo(MODEL);
    assertThat(get("/health").statusCode()).isEqualTo(200);
    assertThat(bypass.statusCode())
        .as("the shared port does not serve it past its device")
        .isEqualTo(404);
    assertThat(notMine.statusCode()).isEqualTo(404);
    assertThat(notMine.body())
        .contains("provider must be one of the self-hosted providers [local], but was 'backup'");
  }
}
