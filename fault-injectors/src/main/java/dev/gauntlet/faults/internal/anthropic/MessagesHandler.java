package dev.gauntlet.faults.internal.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.gauntlet.faults.internal.Answers;
import dev.gauntlet.faults.internal.provider.ProviderCall;
import dev.gauntlet.faults.internal.provider.ProviderCalls;
import dev.gauntlet.faults.internal.provider.Turn;
import dev.gauntlet.faults.spi.HttpAnswer;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Serves one {@code POST …/v1/messages} in Anthropic's Messages format: lets {@link ProviderCalls} decide the call,
 * then renders a fault's or quota's answer in Anthropic's error shape, or the turn (turn faults included) as a
 * message, whole or streamed. Thread-safe.
 */
public final class MessagesHandler {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final ProviderCalls calls;

  public MessagesHandler(ProviderCalls calls) {
    this.calls = calls;
  }

  /** The response to one call to {@code provider}. */
  public ResponseDefinition handle(String provider, Request request, UUID eventId) {
    JsonNode body;
    try {
      body = MAPPER.readTree(request.getBody());
    } catch (IOException e) {
      return AnthropicRoutes.answer(
          AnthropicErrors.error(
              400,
              "There was an issue with your request body: it must " + "be JSON, but was not",
              AnthropicRoutes.requestId(eventId)));
    }
    Optional<String> problem =
        body == null || !body.isObject()
            ? Optional.of("request body must be a JSON object")
            : MessagesRequest.problem(body);
    if (problem.isPresent()) {
      return AnthropicRoutes.answer(
          AnthropicErrors.error(400, problem.get(), AnthropicRoutes.requestId(eventId)));
    }
    MessagesRequest messages = MessagesRequest.from(body);
    ProviderCall call = calls.begin(provider, messages.ask(), request, eventId);
    Optional<HttpAnswer> failure =
        call.failure(
            refusal -> AnthropicErrors.translated(refusal, call.requestId()),
            hit -> AnthropicErrors.fromFault(hit, call.requestId(), calls.clock()));
    if (failure.isPresent()) {
      return AnthropicRoutes.answer(failure.get());
    }
    Turn turn = call.turn();
    AnthropicMessage message =
        new AnthropicMessage(
            "msg_" + call.requestId().substring(4),
            messages.model(),
            turn.reply(),
            messages.inputTokens(),
            turn.reply().completionTokens(),
            turn.wire());
    call.served(message.inputTokens(), message.outputTokens());
    HttpAnswer answer =
        new HttpAnswer(
            200,
            Map.of("request-id", call.requestId()),
            messages.stream() ? MessagesStream.body(message) : message.body());
    return call.paced(
        Answers.build(
            answer,
            messages.stream() ? "text/event-stream; charset=utf-8" : "application/json",
            null),
        message.outputTokens(),
        messages.stream());
  }
}
