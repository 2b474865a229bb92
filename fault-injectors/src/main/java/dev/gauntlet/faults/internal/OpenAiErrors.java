package dev.gauntlet.faults.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gauntlet.faults.spi.HttpAnswer;
import java.time.Duration;
import java.util.Map;

/** OpenAI-shaped error responses, as the official SDKs parse them. Stateless. */
public final class OpenAiErrors {

  private OpenAiErrors() {}

  /** A 5xx (or any) status with a {@code server_error} body. */
  public static HttpAnswer serverError(int status) {
    String message =
        status == 503
            ? "The server is overloaded or not ready yet."
            : "The server had an error while processing your request. Sorry about that!";
    return new HttpAnswer(status, Map.of(), body(message, "server_error", null));
  }

  /** 429 with {@code retry-after} in whole seconds (rounded up) and the {@code x-ratelimit-*} headers. */
  public static HttpAnswer rateLimited(Duration retryAfter) {
    long millis = Math.max(0, retryAfter.toMillis());
    long seconds = (millis + 999) / 1000;
    Map<String, String> headers =
        Map.of(
            "retry-after",
            Long.toString(seconds),
            "retry-after-ms",
            Long.toString(millis),
            "x-ratelimit-limit-requests",
            "60",
            "x-ratelimit-remaining-requests",
            "0",
            "x-ratelimit-reset-requests",
            seconds + "s");
    String message = "Rate limit reached for requests. Please try again in " + seconds + "s.";
    return new HttpAnswer(429, headers, body(message, "requests", "rate_limit_exceeded"));
  }

  /**
   * 429 for a call over a real quota, worded as OpenAI words it, with {@code retry-after} (whole seconds, rounded
   * up) and {@code retry-after-ms} saying when the window has room again.
   */
  public static HttpAnswer quotaExceeded(
      String model, boolean requests, long limit, long used, long requested, long waitMs) {
    long seconds = (Math.max(0, waitMs) + 999) / 1000;
    String what = requests ? "requests per min (RPM)" : "tokens per min (TPM)";
    String message =
        "Rate limit reached for "
            + model
            + " in organization org-gauntlet on "
            + what
            + ": Limit "
            + limit
            + ", Used "
            + used
            + ", Requested "
            + requested
            + ". Please try again in "
            + Quota.resetText(Math.max(0, waitMs))
            + ".";
    return new HttpAnswer(
        429,
        Map.of(
            "retry-after",
            Long.toString(seconds),
            "retry-after-ms",
            Long.toString(Math.max(0, waitMs))),
        body(message, requests ? "requests" : "tokens", "rate_limit_exceeded"));
  }

  /** 404 for a path or provider the mock does not serve. */
  public static HttpAnswer notFound(String message) {
    return new HttpAnswer(404, Map.of(), body(message, "invalid_request_error", "not_found"));
  }

  /** 400 for a request the mock cannot read. */
  public static HttpAnswer badRequest(String message) {
    return new HttpAnswer(400, Map.of(), body(message, "invalid_request_error", null));
  }

  private static String body(String message, String type, String code) {
    ObjectNode error =
        JsonNodeFactory.instance
            .objectNode()
            .put("message", message)
            .put("type", type)
            .putNull("param")
            .put("code", code);
    return JsonNodeFactory.instance.objectNode().set("error", error).toString();
  }
}
