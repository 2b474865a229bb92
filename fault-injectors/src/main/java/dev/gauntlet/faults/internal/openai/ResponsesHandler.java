package dev.gauntlet.faults.internal.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.gauntlet.faults.internal.provider.ProviderCall;
import dev.gauntlet.faults.internal.provider.ProviderCalls;
import dev.gauntlet.faults.internal.provider.Turn;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Serves one {@code POST …/v1/responses} in the OpenAI Responses format: lets {@link ProviderCalls} decide the call,
 * then renders a fault's or quota's OpenAI error, or the turn (turn faults included) as a response, whole or
 * streamed. Thread-safe.
 */
public final class ResponsesHandler {

  private final ProviderCalls calls;

  public ResponsesHandler(ProviderCalls calls) {
    this.calls = calls;
  }

  /** The response to one call to {@code provider}. */
  public ResponseDefinition handle(String provider, Request request, UUID eventId) {
    JsonNode body;
    try {
      body = OpenAiRoutes.body(request, List.of("model", "input"));
    } catch (OpenAiRoutes.BadBody e) {
      return OpenAiRoutes.badRequest(e.getMessage(), eventId);
    }
    ResponsesRequest ask = ResponsesRequest.from(body);
    ProviderCall call = calls.begin(provider, ask.ask(), request, eventId);
    Optional<ResponseDefinition> failure = OpenAiRoutes.failure(call);
    if (failure.isPresent()) {
      return failure.get();
    }
    Turn turn = call.turn();
    ScriptedResponse response =
        new ScriptedResponse(
            "resp_" + call.requestId().substring(4),
            call.arrived() / 1000,
            ask.model(),
            ask.instructions(),
            ask.tools(),
            turn.reply(),
            ask.inputTokens(),
            turn.reply().completionTokens(),
            turn.wire());
    call.served(response.inputTokens(), response.outputTokens());
    return call.paced(
        OpenAiRoutes.ok(
            call, ask.stream() ? ResponsesStream.body(response) : response.body(), ask.stream()),
        response.outputTokens(),
        ask.stream());
  }
}
