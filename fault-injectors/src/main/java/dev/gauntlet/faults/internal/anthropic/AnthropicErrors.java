package dev.gauntlet.faults.internal.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gauntlet.faults.internal.ActiveFaults;
import dev.gauntlet.faults.spi.HttpAnswer;
import dev.gauntlet.scenario.Fault;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * Anthropic-shaped error responses, {@code {"type":"error","error":{"type":…,"message":…},"request_id":…}} with a
 * {@code request-id} header, as the official SDKs parse them. Stateless.
 */
public final class AnthropicErrors {

  static final int REQUESTS_PER_MINUTE = 60;
  static final int TOKENS_PER_MINUTE = 400_000;

  private AnthropicErrors() {}

  /** The error type Anthropic sends with {@code status}. */
  static String type(int status) {
    return switch (status) {
      case 400 -> "invalid_request_error";
      case 401 -> "authentication_error";
      case 403 -> "permission_error";
      case 404 -> "not_found_error";
      case 413 -> "request_too_large";
      case 429 -> "rate_limit_error";
      case 529 -> "overloaded_error";
      default -> "api_error";
    };
  }

  /** {@code status} with its error type, {@code message} and the {@code request-id} header. */
  public static HttpAnswer error(int status, String message, String requestId) {
    return error(status, message, requestId, new HashMap<>());
  }

  private static HttpAnswer error(
      int status, String message, String requestId, Map<String, String> headers) {
    ObjectNode body = JsonNodeFactory.instance.objectNode().put("type", "error");
    body.putObject("error").put("type", type(status)).put("message", message);
    body.put("request_id", requestId);
    headers.put("request-id", requestId);
    return new HttpAnswer(status, headers, body.toString());
  }

  /** The answer a call hit by {@code hit} gets, in Anthropic's shape. */
  public static HttpAnswer fromFault(ActiveFaults.Active hit, String requestId, Clock clock) {
    Fault fault = hit.spec().fault();
    if (fault instanceof Fault.Outage outage) {
      return error(
          outage.status(),
          outage.status() == 529 ? "Overloaded" : "Internal server error",
          requestId);
    }
    if (fault instanceof Fault.RateLimit limit) {
      return rateLimited(limit.retryAfter(), requestId, clock);
    }
    return translated(hit.response().respond(), requestId);
  }

  /** 429 {@code rate_limit_error} with {@code retry-after} and the {@code anthropic-ratelimit-*} headers. */
  static HttpAnswer rateLimited(Duration retryAfter, String requestId, Clock clock) {
    long seconds = (Math.max(0, retryAfter.toMillis()) + 999) / 1000;
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Map<String, String> headers = new HashMap<>();
    headers.put("retry-after", Long.toString(seconds));
    headers.put("anthropic-ratelimit-requests-limit", Integer.toString(REQUESTS_PER_MINUTE));
    headers.put("anthropic-ratelimit-requests-remaining", "0");
    headers.put("anthropic-ratelimit-requests-reset", now.plusSeconds(seconds).toString());
    headers.put("anthropic-ratelimit-tokens-limit", Integer.toString(TOKENS_PER_MINUTE));
    headers.put("anthropic-ratelimit-tokens-remaining", Integer.toString(TOKENS_PER_MINUTE));
    headers.put("anthropic-ratelimit-tokens-reset", now.toString());
    String message =
        "This request would exceed the rate limit for your organization of "
            + REQUESTS_PER_MINUTE
            + " requests per minute. Please try again in "
            + seconds
            + "s.";
    return error(429, message, requestId, headers);
  }

  /** A fault kind answered in OpenAI's shape, re-shaped: same status, message and {@code retry-after}. */
  public static HttpAnswer translated(HttpAnswer openAi, String requestId) {
    Map<String, String> headers = new HashMap<>();
    String retryAfter = openAi.headers().get("retry-after");
    if (retryAfter != null) {
      headers.put("retry-after", retryAfter);
    }
    return error(openAi.status(), message(openAi.body()), requestId, headers);
  }

  private static String message(String openAiBody) {
    try {
      JsonNode message = new ObjectMapper().readTree(openAiBody).path("error").path("message");
      return message.isTextual() ? message.asText() : "Internal server error";
    } catch (IOException | RuntimeException notJson) {
      return "Internal server error";
    }
  }
}
