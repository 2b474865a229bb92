package dev.gauntlet.faults.internal;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.gauntlet.faults.spi.HttpAnswer;
import java.time.Duration;

/** Turns {@link HttpAnswer}s into WireMock response definitions, delays and dropped connections included. Stateless. */
public final class Answers {

  private Answers() {}

  /** A JSON response with {@code x-request-id} set. */
  public static ResponseDefinition json(HttpAnswer answer, String requestId) {
    return build(answer, "application/json", requestId);
  }

  /** The response with the given content type and {@code x-request-id} set. */
  public static ResponseDefinition build(HttpAnswer answer, String contentType, String requestId) {
    ResponseDefinitionBuilder builder = new ResponseDefinitionBuilder()
        .withStatus(answer.status())
        .withHeader("content-type", contentType)
        .withBody(answer.body());
    if (requestId != null) {
      builder.withHeader("x-request-id", requestId);
    }
    answer.headers().forEach(builder::withHeader);
    if (!answer.delay().isZero()) {
      builder.withFixedDelay((int) Math.min(Integer.MAX_VALUE, answer.delay().toMillis()));
    }
    switch (answer.drop()) {
      case CONNECTION_RESET -> builder.withFault(Fault.CONNECTION_RESET_BY_PEER);
      case EMPTY_RESPONSE -> builder.withFault(Fault.EMPTY_RESPONSE);
      case NONE -> { }
    }
    return builder.build();
  }

  /** {@code response}, whose first byte is sent only after {@code wait}. */
  public static ResponseDefinition delayed(ResponseDefinition response, Duration wait) {
    return wait.isZero() ? response
        : ResponseDefinitionBuilder.like(response).withFixedDelay((int) Math.min(Integer.MAX_VALUE, ceilMillis(wait)))
            .build();
  }

  /**
   * {@code response}, a stream of server-sent events, whose first event is due after {@code firstEvent} and whose
   * other events are spread over {@code rest}. WireMock's chunked dribble cuts the body into as many equal byte
   * chunks as there are events and sleeps before each, so the first chunk goes out after the fixed delay plus one
   * interval: the fixed delay is shortened by that interval. Intervals are whole milliseconds, rounded up. A stream
   * with fewer than two events, or with no {@code rest}, is sent whole after {@code firstEvent + rest}.
   */
  public static ResponseDefinition dribbled(ResponseDefinition response, Duration firstEvent, Duration rest) {
    int events = events(response.getBody());
    long interval = events < 2 ? 0 : (ceilMillis(rest) + events - 2) / (events - 1);
    if (interval == 0 || (long) events * interval > Integer.MAX_VALUE) {
      return delayed(response, firstEvent.plus(rest));
    }
    long initial = Math.max(0, ceilMillis(firstEvent) - interval);
    ResponseDefinitionBuilder builder = ResponseDefinitionBuilder.like(response)
        .withChunkedDribbleDelay(events, (int) (events * interval));
    return (initial > 0 ? builder.withFixedDelay((int) initial) : builder).build();
  }

  /** The number of server-sent events in {@code body}: each ends with a blank line. */
  static int events(String body) {
    int count = 0;
    for (int at = body == null ? -1 : body.indexOf("\n\n"); at >= 0; at = body.indexOf("\n\n", at + 2)) {
      count++;
    }
    return count;
  }

  /** Whole milliseconds, rounded up: WireMock sleeps in milliseconds and must never sleep less than asked. */
  private static long ceilMillis(Duration d) {
    return (d.toNanos() + 999_999) / 1_000_000;
  }
}
