package dev.gauntlet.faults.internal.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.gauntlet.faults.internal.Answers;
import dev.gauntlet.faults.internal.OpenAiErrors;
import dev.gauntlet.faults.spi.HttpAnswer;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Serves one {@code POST …/chat/completions}: reads the request, lets {@link ProviderCalls} decide the call, and
 * renders the outcome in the Chat Completions format: a fault's or quota's answer, or the turn as a
 * {@link Completion}, whole or streamed. Thread-safe.
 */
public final class ChatHandler {

  /** Header the load generator sets so that calls can be joined to tasks. */
  public static final String TASK_HEADER = ProviderCalls.TASK_HEADER;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final ProviderCalls calls;

  public ChatHandler(ProviderCalls calls) {
    this.calls = calls;
  }

  /** The response to one chat call to {@code provider}, whose default model is {@code defaultModel}. */
  public ResponseDefinition handle(
      String provider, String defaultModel, Request request, UUID eventId) {
    JsonNode body;
    ChatRequest chat;
    try {
      body = MAPPER.readTree(request.getBody());
      chat = ChatRequest.from(body);
    } catch (IOException | RuntimeException e) {
      return Answers.json(
          OpenAiErrors.badRequest(
              "request body must be a JSON object, but was not: " + e.getMessage()),
          null);
    }
    Ask ask =
        new Ask(
            chat.model() != null ? chat.model() : defaultModel,
            chat,
            Ask.tools(body.path("tools"), tool -> tool.path("function"), "parameters"),
            Ask.isJson(body.path("response_format").path("type")),
            chat.promptTokens());
    ProviderCall call = calls.begin(provider, ask, request, eventId);
    Optional<HttpAnswer> failure =
        call.failure(refusal -> refusal, hit -> hit.response().respond());
    if (failure.isPresent()) {
      return Answers.json(failure.get().withHeaders(call.quotaHeaders()), call.requestId());
    }
    Turn turn = call.turn();
    Completion completion =
        new Completion(
            "chatcmpl-" + call.requestId().substring(4),
            call.arrived() / 1000,
            call.model(),
            turn.reply(),
            ask.inputTokens(),
            turn.reply().completionTokens(),
            turn.wire());
    call.served(completion.prompt(), completion.completion());
    String out =
        chat.stream() ? CompletionStream.body(completion, chat.includeUsage()) : completion.body();
    HttpAnswer answer =
        new HttpAnswer(200, Map.of("openai-processing-ms", Long.toString(call.elapsedMs())), out)
            .withHeaders(call.quotaHeaders());
    return call.paced(
        Answers.build(
            answer, chat.stream() ? "text/event-stream" : "application/json", call.requestId()),
        completion.completion(),
        chat.stream());
  }
}
