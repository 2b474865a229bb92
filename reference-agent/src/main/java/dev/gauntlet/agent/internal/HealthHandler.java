package dev.gauntlet.agent.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.function.BooleanSupplier;

/**
 * {@code GET /health}: 200 {@code {"status":"ok","mode":…}} once the tool catalog is loaded,
 * 503 {@code {"status":"starting",…}} until then. Thread-safe.
 */
public final class HealthHandler implements HttpHandler {
  private final String mode;
  private final BooleanSupplier ready;

  public HealthHandler(String mode, BooleanSupplier ready) {
    this.mode = mode;
    this.ready = ready;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      if (!"/health".equals(exchange.getRequestURI().getPath())) {
        Exchanges.sendError(exchange, 404, "no such path " + exchange.getRequestURI().getPath());
      } else if (ready.getAsBoolean()) {
        Exchanges.send(exchange, 200, Json.object().put("status", "ok").put("mode", mode));
      } else {
        Exchanges.send(exchange, 503, Json.object().put("status", "starting").put("mode", mode));
      }
    }
  }
}
