package dev.gauntlet.faults.internal;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.gauntlet.faults.spi.HttpAnswer;

/** Turns {@link HttpAnswer}s into WireMock response definitions. Stateless. */
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
    return builder.build();
  }
}
