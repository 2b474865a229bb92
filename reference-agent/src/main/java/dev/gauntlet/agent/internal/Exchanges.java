package dev.gauntlet.agent.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes JSON answers on the JDK HTTP server. Stateless. */
public final class Exchanges {
  private Exchanges() {}

  public static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  public static void sendError(HttpExchange exchange, int status, String message)
      throws IOException {
    send(exchange, status, Json.object().put("error", message));
  }
}
