package dev.gauntlet.faults.internal.provider;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * OpenAI Chat Completions for pass-through: a {@code chat.completion} or a stream of {@code chat.completion.chunk}s
 * read into a {@link Reply} (tool calls when the message makes any, else its content or refusal), and a turn written
 * back as a {@link Completion}. Answers with more than one choice, or tools other than functions, are not read.
 * Stateless and thread-safe.
 */
public final class ChatCodec implements TurnCodec {

  @Override
  public Ask ask(JsonNode request, String defaultModel) {
    ChatRequest chat = ChatRequest.from(request);
    return new Ask(
        chat.model() != null ? chat.model() : defaultModel,
        chat,
        Ask.tools(request.path("tools"), tool -> tool.path("function"), "parameters"),
        Ask.isJson(request.path("response_format").path("type")),
        chat.promptTokens());
  }

  @Override
  public Optional<UpstreamReply> read(String body, boolean streamed) {
    return streamed
        ? EventStream.payloads(body).flatMap(ChatCodec::stream)
        : EventStream.object(body).flatMap(ChatCodec::whole);
  }

  private static Optional<UpstreamReply> whole(JsonNode root) {
    JsonNode choices = root.path("choices");
    if (choices.size() != 1) {
      return Optional.empty();
    }
    JsonNode message = choices.get(0).path("message");
    Accumulated reply = new Accumulated();
    reply.add(message);
    for (int i = 0; i < message.path("tool_calls").size(); i++) {
      reply.call(i, message.path("tool_calls").get(i));
    }
    return reply.reply().map(r -> envelope(root, r));
  }

  private static Optional<UpstreamReply> stream(List<JsonNode> chunks) {
    Accumulated reply = new Accumulated();
    boolean finished = false;
    for (JsonNode chunk : chunks) {
      for (JsonNode choice : chunk.path("choices")) {
        if (choice.path("index").asInt(0) != 0) {
          return Optional.empty();
        }
        JsonNode delta = choice.path("delta");
        reply.add(delta);
        delta.path("tool_calls").forEach(call -> reply.call(call.path("index").asInt(0), call));
        finished |= choice.hasNonNull("finish_reason");
      }
    }
    return finished ? reply.reply().map(r -> envelope(chunks.get(0), r)) : Optional.empty();
  }

  private static UpstreamReply envelope(JsonNode root, Reply reply) {
    return new UpstreamReply(
        root.path("id").asText(""),
        root.path("model").asText(""),
        root.path("created").asLong(0),
        reply);
  }

  @Override
  public String write(
      JsonNode request,
      UpstreamReply upstream,
      Turn turn,
      long inputTokens,
      long outputTokens,
      boolean streamed) {
    Completion completion =
        new Completion(
            upstream.id(),
            upstream.created(),
            upstream.model(),
            turn.reply(),
            inputTokens,
            outputTokens,
            turn.wire());
    return streamed
        ? CompletionStream.body(completion, ChatRequest.from(request).includeUsage())
        : completion.body();
  }

  /** A message as it is read, whole or delta by delta. */
  private static final class Accumulated {
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder refusal = new StringBuilder();
    private final Map<Integer, PartialCall> calls = new TreeMap<>();
    private boolean unreadable;

    /** Adds a message's (or a delta's) content and refusal. */
    void add(JsonNode message) {
      text.append(message.path("content").asText(""));
      refusal.append(message.path("refusal").asText(""));
    }

    /** Adds a whole tool call, or a delta of one: id and name once, arguments in pieces. */
    void call(int index, JsonNode call) {
      unreadable |= !call.path("type").asText("function").equals("function");
      PartialCall partial = calls.computeIfAbsent(index, i -> new PartialCall());
      JsonNode function = call.path("function");
      partial.id = call.hasNonNull("id") ? call.get("id").asText() : partial.id;
      partial.name = function.hasNonNull("name") ? function.get("name").asText() : partial.name;
      partial.arguments.append(function.path("arguments").asText(""));
    }

    Optional<Reply> reply() {
      if (unreadable) {
        return Optional.empty();
      }
      if (!calls.isEmpty()) {
        List<Reply.Call> out = new ArrayList<>();
        calls.values().forEach(c -> out.add(new Reply.Call(c.id, c.name, c.arguments.toString())));
        return Optional.of(new Reply.Calls(out));
      }
      return Optional.of(new Reply.Text(text.length() == 0 ? refusal.toString() : text.toString()));
    }
  }

  /** One tool call as its deltas arrive. */
  private static final class PartialCall {
    private String id = "";
    private String name = "";
    private final StringBuilder arguments = new StringBuilder();
  }
}
