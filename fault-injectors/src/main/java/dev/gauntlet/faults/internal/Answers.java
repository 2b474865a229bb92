package dev.gauntlet.faults.internal;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.gauntlet.faults.spi.HttpAnswer;

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
}
