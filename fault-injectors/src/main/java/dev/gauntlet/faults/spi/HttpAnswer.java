package dev.gauntlet.faults.spi;

import java.util.Map;

/**
 * An HTTP response a mock sends instead of its normal answer. Immutable and thread-safe.
 *
 * @param status  HTTP status
 * @param headers response headers (the mock adds {@code content-type: application/json} and {@code x-request-id})
 * @param body    response body, JSON
 */
public record HttpAnswer(int status, Map<String, String> headers, String body) {

  public HttpAnswer {
    headers = Map.copyOf(headers);
  }
}
