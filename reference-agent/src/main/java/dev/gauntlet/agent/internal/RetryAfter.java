package dev.gauntlet.agent.internal;

import com.openai.core.http.Headers;
import com.openai.errors.OpenAIServiceException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Reads how long a provider asked the client to wait, from {@code retry-after-ms} (milliseconds)
 * or {@code retry-after} (seconds or an HTTP date) on a 429 or 503. Stateless.
 */
public final class RetryAfter {
  private RetryAfter() {}

  /** The wait the error asks for, capped at {@code cap}; empty when it asks for none. */
  public static Optional<Duration> of(Throwable error, Duration cap, Instant now) {
    if (!(error instanceof OpenAIServiceException service)) {
      return Optional.empty();
    }
    if (service.statusCode() != 429 && service.statusCode() != 503) {
      return Optional.empty();
    }
    return of(service.headers(), now).map(wait -> wait.compareTo(cap) > 0 ? cap : wait);
  }

  static Optional<Duration> of(Headers headers, Instant now) {
    Optional<Duration> millis = first(headers.values("retry-after-ms")).flatMap(RetryAfter::millis);
    return millis.isPresent()
        ? millis
        : first(headers.values("retry-after")).flatMap(value -> seconds(value, now));
  }

  private static Optional<String> first(List<String> values) {
    return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0).trim());
  }

  private static Optional<Duration> millis(String value) {
    try {
      double ms = Double.parseDouble(value);
      return ms >= 0 ? Optional.of(Duration.ofNanos((long) (ms * 1_000_000))) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<Duration> seconds(String value, Instant now) {
    try {
      double s = Double.parseDouble(value);
      return s >= 0 ? Optional.of(Duration.ofMillis((long) (s * 1000))) : Optional.empty();
    } catch (NumberFormatException e) {
      return date(value, now);
    }
  }

  private static Optional<Duration> date(String value, Instant now) {
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
