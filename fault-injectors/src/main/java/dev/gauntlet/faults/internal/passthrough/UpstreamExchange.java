package dev.gauntlet.faults.internal.passthrough;

import java.util.Map;

/**
 * One request forwarded upstream and the answer it got, as pass-through sees it before anything is redacted.
 *
 * @param method          HTTP method
 * @param path            path after {@code /v1}, query included, such as {@code /chat/completions}
 * @param requestHeaders  the agent's headers that were forwarded
 * @param requestBody     the request body as text, empty for none
 * @param status          the upstream's status
 * @param responseHeaders the upstream's headers, hop-by-hop ones left out
 * @param responseBody    the upstream's body as text (server-sent events as they came)
 */
public record UpstreamExchange(
    String method,
    String path,
    Map<String, String> requestHeaders,
    String requestBody,
    int status,
    Map<String, String> responseHeaders,
    String responseBody) {

  public UpstreamExchange {
    requestHeaders = Map.copyOf(requestHeaders);
    responseHeaders = Map.copyOf(responseHeaders);
  }

  /** The upstream's content type, or empty. */
  public String contentType() {
    return responseHeaders.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase("content-type"))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse("");
  }

  /** Whether the answer is a stream of server-sent events. */
  public boolean streamed() {
    return contentType().startsWith("text/event-stream");
  }

  /** This exchange with every secret taken out, as it may be written to disk. */
  public UpstreamExchange redacted() {
    return new UpstreamExchange(
        method,
        Redactor.text(path),
        Redactor.headers(requestHeaders),
        Redactor.text(requestBody),
        status,
        Redactor.headers(responseHeaders),
        Redactor.text(responseBody));
  }
}
