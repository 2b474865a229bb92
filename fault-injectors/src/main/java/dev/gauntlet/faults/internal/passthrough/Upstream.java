package dev.gauntlet.faults.internal.passthrough;

import dev.gauntlet.scenario.Provider;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Forwards one request to a provider's upstream: same method, path after {@code /v1}, body and headers, less the
 * hop-by-hop ones and Gauntlet's own; credentials replaced by the key from the provider's {@code api_key_env}
 * ({@code Authorization: Bearer} for OpenAI, {@code x-api-key} for Anthropic) when it names one. Thread-safe.
 */
public final class Upstream {

  /** Headers the JDK client sets itself or that must not cross a proxy; {@code accept-encoding} so bodies stay text. */
  private static final Set<String> NOT_FORWARDED =
      Set.of(
          "host",
          "connection",
          "content-length",
          "expect",
          "upgrade",
          "transfer-encoding",
          "keep-alive",
          "te",
          "trailer",
          "proxy-connection",
          "http2-settings",
          "accept-encoding");

  private static final Set<String> NOT_RETURNED =
      Set.of(
          "connection",
          "content-length",
          "transfer-encoding",
          "keep-alive",
          "content-encoding",
          ":status",
          "date",
          "server");
  private static final Set<String> CREDENTIALS = Set.of("authorization", "x-api-key", "api-key");

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final Provider provider;
  private final String apiKey;

  /**
   * @param apiKey the upstream's key, or null to forward the agent's own credentials
   */
  public Upstream(Provider provider, String apiKey) {
    this.provider = provider;
    this.apiKey = apiKey;
  }

  /**
   * Sends {@code method path} with {@code headers} and {@code body} upstream and reads the whole answer.
   *
   * @throws IOException when the upstream cannot be reached or drops the connection
   */
  public UpstreamExchange forward(
      String method, String path, Map<String, String> headers, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(provider.upstream() + path))
            .method(
                method,
                body.isEmpty()
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    Map<String, String> sent = forwarded(headers);
    sent.forEach(request::header);
    HttpResponse<String> response =
        client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    Map<String, String> returned = new LinkedHashMap<>();
    response
        .headers()
        .map()
        .forEach(
            (name, values) -> {
              if (!NOT_RETURNED.contains(name.toLowerCase(Locale.ROOT))) {
                returned.put(name.toLowerCase(Locale.ROOT), String.join(", ", values));
              }
            });
    return new UpstreamExchange(
        method, path, sent, body, response.statusCode(), returned, response.body());
  }

  private Map<String, String> forwarded(Map<String, String> headers) {
    Map<String, String> out = new LinkedHashMap<>();
    headers.forEach(
        (name, value) -> {
          String lower = name.toLowerCase(Locale.ROOT);
          boolean replaced = apiKey != null && CREDENTIALS.contains(lower);
          if (!NOT_FORWARDED.contains(lower) && !lower.startsWith("x-gauntlet-") && !replaced) {
            out.put(lower, value);
          }
        });
    if (apiKey != null) {
      if (provider.api().equals("anthropic")) {
        out.put("x-api-key", apiKey);
      } else {
        out.put("authorization", "Bearer " + apiKey);
      }
    }
    return out;
  }
}
