package dev.gauntlet.agent;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Sends requests to a running agent the way the harness does. */
final class AgentClient {
  record Answer(int status, JsonNode body) {}

  /** One server-sent event and when its blank line arrived. */
  record Event(String name, JsonNode data, long arrivedNanos) {}

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final URI base;

  AgentClient(RunningAgent agent) {
    this.base = agent.baseUri();
  }

  Answer task(String taskId, String input) throws IOException, InterruptedException {
    String body =
        FakeProvider.JSON.createObjectNode().put("task_id", taskId).put("input", input).toString();
    return post(body, taskId);
  }

  Answer post(String body, String taskIdHeader) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("/v1/tasks"))
            .header("Content-Type", "application/json")
            .header("X-Gauntlet-Task-Id", taskIdHeader)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return send(request);
  }

  /** Posts the task with {@code Accept: text/event-stream} and reads its events as they arrive. */
  List<Event> stream(String taskId, String input) throws IOException, InterruptedException {
    String body =
        FakeProvider.JSON.createObjectNode().put("task_id", taskId).put("input", input).toString();
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("/v1/tasks"))
            .header("Content-Type", "application/json")
            .header("Accept", "text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<java.util.stream.Stream<String>> response =
        HTTP.send(request, HttpResponse.BodyHandlers.ofLines());
    if (response.statusCode() != 200
        || !response
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("text/event-stream")) {
      throw new IllegalStateException(
          "expected an event stream, but was "
              + response.statusCode()
              + " "
              + response.headers().firstValue("Content-Type"));
    }
    List<Event> events = new ArrayList<>();
    String name = "message";
    String data = "";
    for (Iterator<String> lines = response.body().iterator(); lines.hasNext(); ) {
      String line = lines.next();
      if (line.startsWith("event:")) {
        name = line.substring(6).strip();
      } else if (line.startsWith("data:")) {
        data = line.substring(5).strip();
      } else if (line.isEmpty()) {
        events.add(new Event(name, FakeProvider.JSON.readTree(data), System.nanoTime()));
        name = "message";
        data = "";
      }
    }
    return events;
  }

  /** Submits the task with {@code "async": true}. */
  Answer submit(String taskId, String input) throws IOException, InterruptedException {
    return post(
        FakeProvider.JSON
            .createObjectNode()
            .put("task_id", taskId)
            .put("input", input)
            .put("async", true)
            .toString(),
        taskId);
  }

  /** {@code GET} of a path such as a {@code status_url}. */
  Answer get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET().build());
  }

  Answer health() throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(base.resolve("/health")).GET().build());
  }

  private static Answer send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), FakeProvider.JSON.readTree(response.body()));
  }
}
