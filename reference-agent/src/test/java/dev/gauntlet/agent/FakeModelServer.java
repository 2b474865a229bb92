package dev.gauntlet.agent;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A self-hosted, vLLM-like model server on loopback, as the gpu_leak contract describes it: OpenAI chat completions
 * from a script, each adding a leak to used GPU memory; {@code /metrics} in the Prometheus text format with the DCGM
 * and vLLM fields; {@code /health}; {@code POST /gauntlet/restart}, which puts memory back to its baseline and
 * answers 503 on {@code /v1} and {@code /health} for a cold start. {@link #hang()} makes it accept connections and
 * never answer, until a restart.
 */
final class FakeModelServer implements AutoCloseable {
  static {
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  static final double TOTAL_MB = 81_920;

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Function<FakeProvider.Call, FakeProvider.Reply> script;
  private final double baselineMb;
  private final double leakMb;
  private final long coldStartMs;
  private final AtomicInteger restarts = new AtomicInteger();
  private final AtomicInteger metricsPolls = new AtomicInteger();
  private final AtomicInteger completions = new AtomicInteger();
  private final AtomicInteger completionsWhileStarting = new AtomicInteger();
  private volatile double usedMb;
  private volatile long readyAtNanos;
  private volatile CountDownLatch hung;

  FakeModelServer(
      Function<FakeProvider.Call, FakeProvider.Reply> script,
      double baselineMb,
      double leakMb,
      long coldStartMs)
      throws IOException {
    this.script = script;
    this.baselineMb = baselineMb;
    this.leakMb = leakMb;
    this.coldStartMs = coldStartMs;
    this.usedMb = baselineMb;
    this.readyAtNanos = System.nanoTime();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The server's root, as {@code AGENT_WATCHDOG_URL} names it. */
  String rootUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Its OpenAI API, as {@code OPENAI_BASE_URL} names it. */
  String baseUrl() {
    return rootUrl() + "/v1";
  }

  int restarts() {
    return restarts.get();
  }

  int metricsPolls() {
    return metricsPolls.get();
  }

  int completions() {
    return completions.get();
  }

  int completionsWhileStarting() {
    return completionsWhileStarting.get();
  }

  double usedShare() {
    return usedMb / TOTAL_MB;
  }

  boolean starting() {
    return System.nanoTime() < readyAtNanos;
  }

  /** From now on every connection is accepted and never answered, until a restart. */
  void hang() {
    hung = new CountDownLatch(1);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String path = exchange.getRequestURI().getPath();
      if ("POST".equals(exchange.getRequestMethod()) && "/gauntlet/restart".equals(path)) {
        restart();
        send(exchange, 202, "{\"restarting\":true,\"cold_start_ms\":" + coldStartMs + "}");
        return;
      }
      CountDownLatch hang = hung;
      if (hang != null) {
        hang.await(30, TimeUnit.SECONDS);
        return; // the connection closes without an answer
      }
      switch (path) {
        case "/metrics" -> metrics(exchange);
        case "/health" ->
            send(exchange, starting() ? 503 : 200, starting() ? "{\"status\":\"starting\"}" : "{}");
        case "/v1/chat/completions" -> complete(exchange, body);
        default -> send(exchange, 404, "{}");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // the client gave up (a poll that timed out): nothing to answer
    }
  }

  private synchronized void restart() {
    restarts.incrementAndGet();
    usedMb = baselineMb;
    readyAtNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(coldStartMs);
    CountDownLatch hang = hung;
    hung = null;
    if (hang != null) {
      hang.countDown();
    }
  }

  private void metrics(HttpExchange exchange) throws IOException {
    metricsPolls.incrementAndGet();
    double used = usedMb;
    String labels = "{gpu=\"0\",modelName=\"Simulated \\\"H100\\\"\",Hostname=\"gauntlet\"}";
    String text =
        String.format(
            Locale.ROOT,
            """
        # HELP vllm:gpu_cache_usage_perc GPU KV-cache usage. 1 means 100 percent usage.
        # TYPE vllm:gpu_cache_usage_perc gauge
        vllm:gpu_cache_usage_perc{model_name="llama-3.1-8b-instruct"} %.4f
        # HELP vllm:num_requests_running Number of requests currently running on GPU.
        # TYPE vllm:num_requests_running gauge
        vllm:num_requests_running{model_name="llama-3.1-8b-instruct"} 0
        # HELP DCGM_FI_DEV_FB_USED Framebuffer memory used (in MiB).
        # TYPE DCGM_FI_DEV_FB_USED gauge
        DCGM_FI_DEV_FB_USED%s %.0f
        # HELP DCGM_FI_DEV_FB_FREE Framebuffer memory free (in MiB).
        # TYPE DCGM_FI_DEV_FB_FREE gauge
        DCGM_FI_DEV_FB_FREE%s %.0f
        """,
            Math.min(1, used / TOTAL_MB),
            labels,
            used,
            labels,
            TOTAL_MB - used);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
    send(exchange, 200, text);
  }

  private void complete(HttpExchange exchange, byte[] request) throws IOException {
    if (starting()) {
      completionsWhileStarting.incrementAndGet();
      send(
          exchange,
          503,
          "{\"error\":{\"message\":\"model server is starting\",\"type\":\"service_unavailable\"}}");
      return;
    }
    completions.incrementAndGet();
    synchronized (this) {
      usedMb = Math.min(TOTAL_MB, usedMb + leakMb);
    }
    FakeProvider.Reply reply =
        script.apply(
            new FakeProvider.Call(
                completions.get() - 1,
                FakeProvider.JSON.readTree(request),
                exchange.getRequestHeaders().getFirst("X-Gauntlet-Task-Id"),
                System.nanoTime()));
    send(exchange, reply.status(), reply.body());
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (!exchange.getResponseHeaders().containsKey("Content-Type")) {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
    }
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    CountDownLatch hang = hung;
    if (hang != null) {
      hang.countDown();
    }
    server.stop(0);
    executor.shutdownNow();
  }
}
