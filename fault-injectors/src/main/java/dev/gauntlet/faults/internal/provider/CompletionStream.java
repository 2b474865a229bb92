package dev.gauntlet.faults.internal.provider;

import static dev.gauntlet.faults.internal.provider.Completion.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A completion as OpenAI streams it: {@code data: {chat.completion.chunk}} frames (role, content or tool-call
 * deltas, finish), a usage chunk when asked for, then {@code data: [DONE]}. Stateless.
 */
public final class CompletionStream {

  private CompletionStream() {}

  /** The whole {@code text/event-stream} body. */
  public static String body(Completion completion, boolean includeUsage) {
    StringBuilder out = new StringBuilder();
    frame(out, completion, delta(JSON.objectNode().put("role", "assistant").put("content", ""), null));
    if (completion.reply() instanceof Reply.Text text) {
      for (String piece : pieces(text.content())) {
        frame(out, completion, delta(JSON.objectNode().put("content", piece), null));
      }
    } else {
      toolCallDeltas(out, completion, (Reply.Calls) completion.reply());
    }
    frame(out, completion, delta(JSON.objectNode(), completion.finishReason()));
    if (includeUsage) {
      ObjectNode chunk = completion.header("chat.completion.chunk");
      chunk.putArray("choices");
      chunk.set("usage", completion.usage());
      out.append("data: ").append(chunk).append("\n\n");
    }
    return out.append("data: [DONE]\n\n").toString();
  }

  private static void toolCallDeltas(StringBuilder out, Completion completion, Reply.Calls calls) {
    JsonNode openings = Completion.toolCalls(calls, false);
    for (int i = 0; i < calls.calls().size(); i++) {
      ObjectNode opening = JSON.objectNode();
      opening.putArray("tool_calls").add(openings.get(i));
      frame(out, completion, delta(opening, null));
      ObjectNode args = JSON.objectNode().put("index", i);
      args.putObject("function").put("arguments", calls.calls().get(i).arguments());
      ObjectNode rest = JSON.objectNode();
      rest.putArray("tool_calls").add(args);
      frame(out, completion, delta(rest, null));
    }
  }

  /** Words with their following whitespace, so that the pieces concatenate to the text. */
  static List<String> pieces(String text) {
    return List.of(text.split("(?<=\\s)(?=\\S)"));
  }

  private static ObjectNode delta(ObjectNode delta, String finishReason) {
    ObjectNode choice = JSON.objectNode().put("index", 0);
    choice.set("delta", delta);
    choice.putNull("logprobs");
    choice.put("finish_reason", finishReason);
    return choice;
  }

  private static void frame(StringBuilder out, Completion completion, ObjectNode choice) {
    ObjectNode chunk = completion.header("chat.completion.chunk");
    chunk.putArray("choices").add(choice);
    out.append("data: ").append(chunk).append("\n\n");
  }
}
