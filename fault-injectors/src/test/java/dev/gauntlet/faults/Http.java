package dev.gauntlet.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** A plain HTTP client for the calls the OpenAI SDK does not make (tools, raw bodies, many quick calls). */
final class Http {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private Http() {}

  static HttpResponse<String> get(URI uri) {
    return send(HttpRequest.newBuilder(uri).GET().build());
  }

  static HttpResponse<String> post(URI uri, String json, String taskId) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (taskId != null) {
      request.header("X-Gauntlet-Task-Id", taskId);
    }
    return send(request.build());
  }

  /** A POST carrying only W3C trace context, as an agent that propagates traces but not Gauntlet's header sends. */
  static HttpResponse<String> postTraced(URI uri, String json, String traceparent) {
    return send(
        HttpRequest.newBuilder(uri)
            .header("content-type", "application/json")
            .header("traceparent", traceparent)
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The {@code event:} types of a server-sent event stream, a run of the same type (token deltas) as one. */
  static List<String> eventTypes(String body) {
    List<String> types = new ArrayList<>();
    body.lines()
        .filter(l -> l.startsWith("event: "))
        .map(l -> l.substring(7))
        .forEach(
            type -> {
              if (types.isEmpty() || !types.get(types.size() - 1).equals(type)) {
                types.add(type);
              }
            });
    return types;
  }
}
