package dev.gauntlet.agent;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Sends requests to a running agent the way the harness does. */
final class AgentClient {
  record Answer(int status, JsonNode body) {
  }

  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final URI base;

  AgentClient(RunningAgent agent) {
    this.base = agent.baseUri();
  }

  Answer task(String taskId, String input) throws IOException, InterruptedException {
    String body = FakeProvider.JSON.createObjectNode().put("task_id", taskId).put("input", input).toString();
    return post(body, taskId);
  }

  Answer post(String body, String taskIdHeader) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(base.resolve("/v1/tasks"))
        .header("Content-Type", "application/json")
        .header("X-Gauntlet-Task-Id", taskIdHeader)
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    return send(request);
  }

  Answer health() throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(base.resolve("/health")).GET().build());
  }

  private static Answer send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), FakeProvider.JSON.readTree(response.body()));
  }
}
