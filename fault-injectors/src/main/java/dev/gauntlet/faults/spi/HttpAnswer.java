package dev.gauntlet.faults.spi;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP response a mock sends instead of its normal answer. Immutable and thread-safe.
 *
 * @param status  HTTP status; 0 when the connection is dropped
 * @param headers response headers (the mock adds {@code content-type: application/json} and {@code x-request-id})
 * @param body    response body, JSON
 * @param delay   how long the mock waits before it sends anything (a hang), zero for none
 * @param drop    whether the connection is dropped instead of answered
 */
public record HttpAnswer(
    int status, Map<String, String> headers, String body, Duration delay, Drop drop) {

  /** How a connection can be dropped instead of answered. */
  public enum Drop {
    /** Answered normally. */
    NONE,
    /** The connection is reset by the peer (TCP RST) before any byte of the answer. */
    CONNECTION_RESET,
    /** The connection is closed without any byte of the answer. */
    EMPTY_RESPONSE
  }

  public HttpAnswer {
    headers = Map.copyOf(headers);
    Objects.requireNonNull(delay, "delay");
    Objects.requireNonNull(drop, "drop");
  }

  /** An answer sent at once. */
  public HttpAnswer(int status, Map<String, String> headers, String body) {
    this(status, headers, body, Duration.ZERO, Drop.NONE);
  }

  /** A dropped connection: no status, no body. */
  public static HttpAnswer dropped(Drop drop) {
    return new HttpAnswer(0, Map.of(), "", Duration.ZERO, drop);
  }

  /** This answer, sent only after {@code wait}. */
  public HttpAnswer after(Duration wait) {
    return new HttpAnswer(status, headers, body, wait, drop);
  }

  /** This answer with {@code extra} headers added (replacing any of the same name). */
  public HttpAnswer withHeaders(Map<String, String> extra) {
    if (extra.isEmpty()) {
      return this;
    }
    Map<String, String> merged = new java.util.HashMap<>(headers);
    merged.putAll(extra);
    return new HttpAnswer(status, merged, body, delay, drop);
  }
}
