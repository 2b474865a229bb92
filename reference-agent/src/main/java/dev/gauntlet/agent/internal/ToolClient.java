package dev.gauntlet.agent.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Talks to the tool server over one shared, connection-reusing JDK HTTP client.
 * Thread-safe.
 */
public final class ToolClient {
  public static final String TASK_HEADER = "X-Gauntlet-Task-Id";

  private final HttpClient http;
  private final Optional<URI> baseUrl;
  private final Optional<Duration> callTimeout;

  /**
   * @param baseUrl     the tool server, or empty when the deployment has no tools
   * @param callTimeout the timeout of one tool call, or empty to wait as long as it takes
   */
  public ToolClient(Optional<URI> baseUrl, Optional<Duration> callTimeout) {
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    this.baseUrl = baseUrl.map(ToolClient::withoutTrailingSlash);
    this.callTimeout = callTimeout;
  }

  /** Fetches {@code GET {base}/tools} once; an empty catalog when there is no tool server. */
  public ToolCatalog fetchCatalog(Duration timeout) throws IOException, InterruptedException {
    if (baseUrl.isEmpty()) {
      return new ToolCatalog(java.util.List.of());
    }
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl.get() + "/tools")).timeout(timeout).GET().build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("GET " + request.uri() + " answered " + response.statusCode());
    }
    return ToolCatalog.parse(Json.MAPPER.readTree(response.body()));
  }

  /**
   * Calls {@code POST {base}/tools/{name}} with the arguments as body and returns the raw body
   * the model should see, whatever the status: a result, or the tool's error JSON.
   */
  public String execute(String name, String argumentsJson, String taskId)
      throws IOException, InterruptedException {
    if (baseUrl.isEmpty()) {
      return Json.error("no tool server is configured; set AGENT_TOOLS_URL");
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl.get() + "/tools/" + pathSegment(name)))
            .header("Content-Type", "application/json")
            .header(TASK_HEADER, taskId)
            .POST(HttpRequest.BodyPublishers.ofString(argumentsJson));
    callTimeout.ifPresent(request::timeout);
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    String body = response.body();
    if (body == null || body.isBlank()) {
      return response.statusCode() / 100 == 2
          ? "{}"
          : Json.error("tool " + name + " answered " + response.statusCode());
    }
    return body;
  }

  private static String pathSegment(String name) {
    return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static URI withoutTrailingSlash(URI uri) {
    String text = uri.toString();
    return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
  }
}
