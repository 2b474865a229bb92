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
    ResponseDefinitionBuilder builder =
        new ResponseDefinitionBuilder()
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
      case NONE -> {}
    }
    return builder.build();
  }

  /** {@code response}, whose first byte is sent only after {@code wait}. */
  public static ResponseDefinition delayed(ResponseDefinition response, Duration wait) {
    return wait.isZero()
        ? response
        : ResponseDefinitionBuilder.like(response)
            .withFixedDelay((int) Math.min(Integer.MAX_VALUE, ceilMillis(wait)))
            .build();
  }

  /** The transformer parameter under which a streamed response carries its {@link Pace}. */
  public static final String PACE = "gauntlet.pace";

  private static final String TOKENS = "gauntlet.tokens";

  /**
   * {@code response}, a stream of server-sent events, sent event by event as {@code pace} schedules them (see
   * {@link Pace#schedule}) by a server that reads the {@link #PACE} parameter; the provider mock's does.
   */
  public static ResponseDefinition streamed(
      ResponseDefinition response, Pace pace, long outputTokens) {
    return ResponseDefinitionBuilder.like(response)
        .withTransformerParameter(PACE, pace)
        .withTransformerParameter(TOKENS, outputTokens)
        .build();
  }

  /** The output tokens of a streamed answer, which its pace spreads over its events. */
  public static long tokens(ResponseDefinition response) {
    Object tokens =
        response.getTransformerParameters() == null
            ? null
            : response.getTransformerParameters().get(TOKENS);
    return tokens instanceof Number n ? n.longValue() : 0;
  }

  /** The pace {@code response} is to be streamed at, or null when it goes out whole. */
  public static Pace pace(ResponseDefinition response) {
    Object pace =
        response.getTransformerParameters() == null
            ? null
            : response.getTransformerParameters().get(PACE);
    return pace instanceof Pace p ? p : null;
  }

  /** Whole milliseconds, rounded up: WireMock sleeps in milliseconds and must never sleep less than asked. */
  private static long ceilMillis(Duration d) {
    return (d.toNanos() + 999_999) / 1_000_000;
  }
}
