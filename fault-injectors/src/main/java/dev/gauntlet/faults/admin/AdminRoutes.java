package dev.gauntlet.faults.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/** Routes each admin call to {@link FaultControl} and turns its exceptions into status codes. */
final class AdminRoutes implements HttpHandler {

  /** A request that gets an error answer instead of a normal one. */
  private static final class Refused extends RuntimeException {
    private final int status;
    private final String allow;

    Refused(int status, String message, String allow) {
      super(message);
      this.status = status;
      this.allow = allow;
    }
  }

  private final FaultControl control;

  AdminRoutes(FaultControl control) {
    this.control = control;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      try {
        send(exchange, 200, route(exchange.getRequestMethod(), exchange.getRequestURI().getPath()));
      } catch (Refused e) {
        if (e.allow != null) {
          exchange.getResponseHeaders().set("Allow", e.allow);
        }
        send(exchange, e.status, AdminJson.error(e.getMessage()));
      } catch (IllegalArgumentException e) {
        send(exchange, 404, AdminJson.error(e.getMessage()));
      } catch (IllegalStateException e) {
        send(exchange, 409, AdminJson.error(e.getMessage()));
      } catch (RuntimeException e) {
        send(exchange, 500, AdminJson.error(String.valueOf(e.getMessage())));
      }
    }
  }

  private ObjectNode route(String method, String path) {
    List<String> parts = List.of(path.replaceAll("^/+|/+$", "").split("/+"));
    String first = parts.get(0);
    if (parts.size() == 1 && first.equals("health")) {
      return only("GET", method, () -> AdminJson.health(control));
    }
    if (parts.size() == 1 && first.equals("faults")) {
      return only("GET", method, () -> AdminJson.faults(control.faults()));
    }
    if (parts.size() == 2 && first.equals("faults")) {
      return only("GET", method, () -> AdminJson.fault(one(parts.get(1))));
    }
    if (parts.size() == 3 && first.equals("faults") && parts.get(2).equals("on")) {
      return only("POST", method, () -> AdminJson.fault(control.switchOn(parts.get(1))));
    }
    if (parts.size() == 3 && first.equals("faults") && parts.get(2).equals("off")) {
      return only("POST", method, () -> AdminJson.fault(control.switchOff(parts.get(1))));
    }
    if (parts.size() == 3 && first.equals("providers") && parts.get(2).equals("restart")) {
      return only("POST", method, () -> AdminJson.restart(control.restart(parts.get(1))));
    }
    if (parts.equals(List.of("schedule", "start"))) {
      return only(
          "POST",
          method,
          () -> {
            control.startTimeline();
            return AdminJson.health(control);
          });
    }
    throw new Refused(
        404,
        "no such endpoint: "
            + method
            + " "
            + path
            + "; try GET /faults, POST /faults/{name}/on or /off, POST /schedule/start, "
            + "POST /providers/{name}/restart, GET /health",
        null);
  }

  private FaultState one(String name) {
    return control.faults().stream()
        .filter(f -> f.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "fault must be one of "
                        + control.faults().stream().map(FaultState::name).toList()
                        + ", but was '"
                        + name
                        + "'"));
  }

  private static ObjectNode only(String allowed, String method, Supplier<ObjectNode> answer) {
    if (!allowed.equals(method)) {
      throw new Refused(405, "method must be " + allowed + ", but was " + method, allowed);
    }
    return answer.get();
  }

  private static void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
    byte[] bytes = (body.toString() + "\n").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
