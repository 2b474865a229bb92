package dev.gauntlet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gauntlet.run.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A test agent whose recovery is known by construction, for a {@code target: {kind: url}} run: each task asks the
 * primary provider once (one Chat Completions call, as a probe would) and answers with its text, but the task fails
 * when that call failed <em>or</em> when any call failed in the last {@code lingerMs}: a breaker that stays open, a
 * poisoned cache, a stuck pool. Because it keeps asking, the last failure it sees is the last one the fault caused, so
 * after the fault ends it fails every task it starts for {@code lingerMs} more, and answers every one after that. With
 * {@code lingerMs} 0 it fails exactly the tasks the fault hit. Thread-safe.
 */
final class LingeringAgent implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(32);
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final URI completions;
  private final long lingerNanos;
  private final AtomicLong lastFailure = new AtomicLong(Long.MIN_VALUE);

  private LingeringAgent(URI providerBase, Duration linger) throws IOException {
    this.completions = URI.create(providerBase + "/chat/completions");
    this.lingerNanos = linger.toNanos();
    this.server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    server.setExecutor(pool);
    server.createContext("/health", exchange -> reply(exchange, 200, "{\"status\":\"ok\"}"));
    server.createContext("/v1/tasks", this::task);
  }

  /** Starts an agent on a free loopback port whose provider is {@code providerBase} ({@code …/v1}). */
  static LingeringAgent start(URI providerBase, Duration linger) throws IOException {
    LingeringAgent agent = new LingeringAgent(providerBase, linger);
    agent.server.start();
    return agent;
  }

  int port() {
    return server.getAddress().getPort();
  }

  private void task(HttpExchange exchange) throws IOException {
    JsonNode body = Json.mapper().readTree(exchange.getRequestBody());
    String taskId = body.path("task_id").asText();
    String answer = ask(taskId, body.path("input").asText());
    long now = System.nanoTime();
    if (answer == null) {
      lastFailure.set(now);
    }
    long last = lastFailure.get();
    ObjectNode out = Json.mapper().createObjectNode().put("task_id", taskId);
    if (answer == null || last != Long.MIN_VALUE && now - last < lingerNanos) {
      reply(
          exchange,
          502,
          out.put(
                  "error",
                  answer == null
                      ? "provider failed"
                      : "provider failed less than " + Duration.ofNanos(lingerNanos) + " ago")
              .toString());
    } else {
      out.put("output", answer).putArray("tool_calls");
      reply(exchange, 200, out.toString());
    }
  }

  /** The provider's text, or null when the call failed. */
  private String ask(String taskId, String input) {
    ObjectNode request = Json.mapper().createObjectNode().put("model", "gpt-4o-mini");
    request.putArray("messages").addObject().put("role", "user").put("content", input);
    try {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(completions)
                  .timeout(Duration.ofSeconds(5))
                  .header("Content-Type", "application/json")
                  .header("X-Gauntlet-Task-Id", taskId)
                  .POST(HttpRequest.BodyPublishers.ofString(request.toString()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return null;
      }
      return Json.mapper()
          .readTree(response.body())
          .path("choices")
          .path(0)
          .path("message")
          .path("content")
          .asText("");
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static void reply(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
