package dev.gauntlet.faults.internal.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gauntlet.faults.internal.provider.Ask;
import dev.gauntlet.faults.internal.provider.EventStream;
import dev.gauntlet.faults.internal.provider.Reply;
import dev.gauntlet.faults.internal.provider.Turn;
import dev.gauntlet.faults.internal.provider.TurnCodec;
import dev.gauntlet.faults.internal.provider.UpstreamReply;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The OpenAI Responses API for pass-through: a finished {@code response}, or the one a stream's
 * {@code response.completed} (or {@code response.incomplete}) event carries, read into a {@link Reply} (its
 * {@code function_call} items when it has any, else its message's text or refusal), and a turn written back as a
 * {@link ScriptedResponse}. Other output items (reasoning, built-in tools) are not part of the reply, so a rewritten
 * answer drops them. Stateless and thread-safe.
 */
public final class ResponsesCodec implements TurnCodec {

  private static final Set<String> FINISHED = Set.of("completed", "incomplete");

  @Override
  public Ask ask(JsonNode request, String defaultModel) {
    Ask ask = ResponsesRequest.from(request).ask();
    return new Ask(
        ask.model() != null ? ask.model() : defaultModel,
        ask.conversation(),
        ask.tools(),
        ask.wantsJson(),
        ask.inputTokens());
  }

  @Override
  public Optional<UpstreamReply> read(String body, boolean streamed) {
    Optional<JsonNode> response =
        streamed
            ? EventStream.payloads(body).flatMap(ResponsesCodec::finished)
            : EventStream.object(body);
    return response
        .filter(r -> FINISHED.contains(r.path("status").asText()))
        .map(
            r ->
                new UpstreamReply(
                    r.path("id").asText(""),
                    r.path("model").asText(""),
                    r.path("created_at").asLong(0),
                    reply(r.path("output"))));
  }

  /** The response the stream's last event carries, when the stream got that far. */
  private static Optional<JsonNode> finished(List<JsonNode> events) {
    return events.stream()
        .filter(
            e ->
                e.path("type").asText().equals("response.completed")
                    || e.path("type").asText().equals("response.incomplete"))
        .map(e -> e.path("response"))
        .findFirst();
  }

  private static Reply reply(JsonNode output) {
    StringBuilder text = new StringBuilder();
    List<Reply.Call> calls = new ArrayList<>();
    for (JsonNode item : output) {
      switch (item.path("type").asText()) {
        case "message" ->
            item.path("content")
                .forEach(
                    part -> text.append(part.path("text").asText(part.path("refusal").asText(""))));
        case "function_call" ->
            calls.add(
                new Reply.Call(
                    item.path("call_id").asText(),
                    item.path("name").asText(),
                    item.path("arguments").asText("")));
        default -> {}
      }
    }
    return calls.isEmpty() ? new Reply.Text(text.toString()) : new Reply.Calls(calls);
  }

  @Override
  public String write(
      JsonNode request,
      UpstreamReply upstream,
      Turn turn,
      long inputTokens,
      long outputTokens,
      boolean streamed) {
    ResponsesRequest asked = ResponsesRequest.from(request);
    String id = upstream.id().startsWith("resp_") ? upstream.id() : "resp_" + upstream.id();
    ScriptedResponse response =
        new ScriptedResponse(
            id,
            upstream.created(),
            upstream.model(),
            asked.instructions(),
            asked.tools(),
            turn.reply(),
            inputTokens,
            outputTokens,
            turn.wire());
    return streamed ? ResponsesStream.body(response) : response.body();
  }
}
