package dev.gauntlet.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A tool server on loopback with one tool, {@code lookup_order}, or another catalog, that records every call. */
final class FakeToolServer implements AutoCloseable {
  static {
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  static final String CATALOG =
      """
      {"tools":[{"name":"lookup_order","description":"Looks up an order by id",
       "parameters":{"type":"object","properties":{"order_id":{"type":"string"}},"required":["order_id"]}}]}""";

  /** One tool execution the server received. */
  record Call(String name, JsonNode arguments, String taskIdHeader) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final String catalog;

  FakeToolServer() throws IOException {
    this(CATALOG);
  }

  /** A server serving {@code catalog} at {@code GET /tools}; only {@code lookup_order} has a result. */
  FakeToolServer(String catalog) throws IOException {
    this.catalog = catalog;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
    server.setExecutor(executor);
    server.createContext("/tools", this::handle);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<Call> calls() {
    return calls;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String path = exchange.getRequestURI().getPath();
      if (path.equals("/tools")) {
        send(exchange, 200, catalog);
        return;
      }
      String name = path.substring("/tools/".length());
      JsonNode arguments = FakeProvider.JSON.readTree(body);
      calls.add(
          new Call(name, arguments, exchange.getRequestHeaders().getFirst("X-Gauntlet-Task-Id")));
      if (name.equals("lookup_order")) {
        send(
            exchange,
            200,
            "{\"order_id\":\""
                + arguments.path("order_id").asText()
                + "\",\"status\":\"shipped\"}");
      } else {
        send(exchange, 404, "{\"error\":\"no tool " + name + "\"}");
      }
    }
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
