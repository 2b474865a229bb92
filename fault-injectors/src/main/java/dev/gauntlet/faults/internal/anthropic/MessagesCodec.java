package dev.gauntlet.faults.internal.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gauntlet.faults.internal.provider.Ask;
import dev.gauntlet.faults.internal.provider.EventStream;
import dev.gauntlet.faults.internal.provider.Reply;
import dev.gauntlet.faults.internal.provider.Turn;
import dev.gauntlet.faults.internal.provider.TurnCodec;
import dev.gauntlet.faults.internal.provider.UpstreamReply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Anthropic Messages for pass-through: a {@code message}, or the events of its stream up to {@code message_stop},
 * read into a {@link Reply} (its {@code tool_use} blocks when it has any, else its text), and a turn written back as
 * an {@link AnthropicMessage}. Blocks of other types (thinking, server tools) are not part of the reply, so a
 * rewritten answer drops them. A {@code toolu_…} id is read as {@code call_…}, which is written back as the same
 * {@code toolu_…}. Stateless and thread-safe.
 */
public final class MessagesCodec implements TurnCodec {

  @Override
  public Ask ask(JsonNode request, String defaultModel) {
    MessagesRequest messages = MessagesRequest.from(request);
    Ask ask = messages.ask();
    return new Ask(
        ask.model() != null ? ask.model() : defaultModel,
        ask.conversation(),
        ask.tools(),
        ask.wantsJson(),
        ask.inputTokens());
  }

  @Override
  public Optional<UpstreamReply> read(String body, boolean streamed) {
    return streamed
        ? EventStream.payloads(body).flatMap(MessagesCodec::stream)
        : EventStream.object(body)
            .filter(root -> root.path("content").isArray())
            .map(
                root -> {
                  Blocks blocks = new Blocks();
                  for (int i = 0; i < root.get("content").size(); i++) {
                    blocks.open(i, root.get("content").get(i));
                  }
                  return envelope(root, blocks.reply());
                });
  }

  private static Optional<UpstreamReply> stream(List<JsonNode> events) {
    Blocks blocks = new Blocks();
    JsonNode start = null;
    for (JsonNode event : events) {
      int index = event.path("index").asInt(0);
      switch (event.path("type").asText()) {
        case "message_start" -> start = event.path("message");
        case "content_block_start" -> blocks.open(index, event.path("content_block"));
        case "content_block_delta" -> blocks.delta(index, event.path("delta"));
        case "message_stop" -> {
          return start == null ? Optional.empty() : Optional.of(envelope(start, blocks.reply()));
        }
        case "error" -> {
          return Optional.empty();
        }
        default -> {}
      }
    }
    return Optional.empty();
  }

  private static UpstreamReply envelope(JsonNode message, Reply reply) {
    return new UpstreamReply(
        message.path("id").asText(""), message.path("model").asText(""), 0, reply);
  }

  @Override
  public String write(
      JsonNode request,
      UpstreamReply upstream,
      Turn turn,
      long inputTokens,
      long outputTokens,
      boolean streamed) {
    AnthropicMessage message =
        new AnthropicMessage(
            upstream.id(), upstream.model(), turn.reply(), inputTokens, outputTokens, turn.wire());
    return streamed ? MessagesStream.body(message) : message.body();
  }

  /** The text and {@code tool_use} blocks of a message, whole or delta by delta, by index. */
  private static final class Blocks {
    private final StringBuilder text = new StringBuilder();
    private final Map<Integer, ToolUse> toolUses = new TreeMap<>();

    void open(int index, JsonNode block) {
      switch (block.path("type").asText()) {
        case "text" -> text.append(block.path("text").asText(""));
        case "tool_use" ->
            toolUses.put(
                index,
                new ToolUse(
                    callId(block.path("id").asText()),
                    block.path("name").asText(),
                    new StringBuilder(
                        block.path("input").isEmpty() ? "" : block.get("input").toString())));
        default -> {}
      }
    }

    void delta(int index, JsonNode delta) {
      switch (delta.path("type").asText()) {
        case "text_delta" -> text.append(delta.path("text").asText(""));
        case "input_json_delta" ->
            Optional.ofNullable(toolUses.get(index))
                .ifPresent(call -> call.input().append(delta.path("partial_json").asText("")));
        default -> {}
      }
    }

    Reply reply() {
      if (toolUses.isEmpty()) {
        return new Reply.Text(text.toString());
      }
      List<Reply.Call> calls = new ArrayList<>();
      toolUses
          .values()
          .forEach(
              c ->
                  calls.add(
                      new Reply.Call(
                          c.id(),
                          c.name(),
                          c.input().toString().isBlank() ? "{}" : c.input().toString())));
      return new Reply.Calls(calls);
    }
  }

  /** A {@code tool_use} block as its input arrives. */
  private record ToolUse(String id, String name, StringBuilder input) {}

  /** {@code toolu_x} as {@code call_x}, which {@link AnthropicMessage#toolUseId} turns back into {@code toolu_x}. */
  private static String callId(String toolUseId) {
    return toolUseId.startsWith("toolu_")
        ? "call_" + toolUseId.substring("toolu_".length())
        : toolUseId;
  }
}
