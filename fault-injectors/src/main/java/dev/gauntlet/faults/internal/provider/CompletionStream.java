package dev.gauntlet.faults.internal.provider;

import static dev.gauntlet.faults.internal.provider.Completion.JSON;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gauntlet.faults.internal.Tokens;
import java.util.List;

/**
 * A completion as OpenAI streams it: {@code data: {chat.completion.chunk}} frames (role, content or tool-call
 * deltas, finish), a usage chunk when asked for, then {@code data: [DONE]}. Stateless.
 */
public final class CompletionStream {

  private CompletionStream() {}

  /**
   * The whole {@code text/event-stream} body. A {@link Wire.Cut#TRUNCATED} stream stops halfway, before its finish
   * frame and {@code [DONE]}; a {@link Wire.Cut#MALFORMED_FRAME} stream has a frame halfway whose data is not JSON.
   */
  public static String body(Completion completion, boolean includeUsage) {
    StringBuilder out = new StringBuilder(1024);
    String prefix = prefix(completion);
    frame(out, prefix, delta(JSON.objectNode().put("role", "assistant").put("content", ""), null));
    if (completion.reply() instanceof Reply.Text text) {
      String field = completion.wire().refusal() ? "refusal" : "content";
      List<String> pieces = pieces(text.content());
      for (int i = 0; i < pieces.size(); i++) {
        if (i == pieces.size() / 2 && completion.wire().cut() != Wire.Cut.NONE) {
          if (completion.wire().cut() == Wire.Cut.TRUNCATED) {
            return out.toString();
          }
          out.append("data: {\"id\":\"")
              .append(completion.id())
              .append("\",\"choices\":[{\"delta\":{\"content\n\n");
        }
        textFrame(out, prefix, field, pieces.get(i));
      }
    } else {
      toolCallDeltas(out, prefix, (Reply.Calls) completion.reply());
      if (completion.wire().cut() == Wire.Cut.TRUNCATED) {
        return out.substring(0, out.lastIndexOf("data: "));
      }
      if (completion.wire().cut() == Wire.Cut.MALFORMED_FRAME) {
        out.append("data: {\"id\":\"")
            .append(completion.id())
            .append("\",\"choices\":[{\"delta\":{\"tool_calls\n\n");
      }
    }
    frame(out, prefix, delta(JSON.objectNode(), completion.finishReason()));
    if (includeUsage) {
      ObjectNode chunk = completion.header("chat.completion.chunk");
      chunk.putArray("choices");
      chunk.set("usage", completion.usage());
      out.append("data: ").append(chunk).append("\n\n");
    }
    return out.append("data: [DONE]\n\n").toString();
  }

  private static void toolCallDeltas(StringBuilder out, String prefix, Reply.Calls calls) {
    JsonNode openings = Completion.toolCalls(calls, false);
    for (int i = 0; i < calls.calls().size(); i++) {
      ObjectNode opening = JSON.objectNode();
      opening.putArray("tool_calls").add(openings.get(i));
      frame(out, prefix, delta(opening, null));
      for (String piece : pieces(calls.calls().get(i).arguments())) {
        ObjectNode args = JSON.objectNode().put("index", i);
        args.putObject("function").put("arguments", piece);
        ObjectNode rest = JSON.objectNode();
        rest.putArray("tool_calls").add(args);
        frame(out, prefix, delta(rest, null));
      }
    }
  }

  /** The text cut where its tokens end, one piece a frame as a model streams it. */
  static List<String> pieces(String text) {
    return Tokens.pieces(text);
  }

  private static ObjectNode delta(ObjectNode delta, String finishReason) {
    ObjectNode choice = JSON.objectNode().put("index", 0);
    choice.set("delta", delta);
    choice.putNull("logprobs");
    choice.put("finish_reason", finishReason);
    return choice;
  }

  /**
   * What every chunk of {@code completion} starts with, up to its first choice: {@code data: {"id":…,"choices":[}.
   * A chunk's header is the same in every frame, so it is written once rather than once a token.
   */
  private static String prefix(Completion completion) {
    ObjectNode chunk = completion.header("chat.completion.chunk");
    chunk.putArray("choices");
    String json = chunk.toString();
    return "data: " + json.substring(0, json.length() - "]}".length());
  }

  private static void frame(StringBuilder out, String prefix, ObjectNode choice) {
    out.append(prefix).append(choice).append("]}\n\n");
  }

  /**
   * A frame whose delta holds one piece of text in {@code field}, byte for byte as {@link #frame} writes it from
   * {@code delta(JSON.objectNode().put(field, piece), null)}, without building and serializing that tree once a
   * token: streaming the answer is the mock's hottest path under load.
   */
  private static void textFrame(StringBuilder out, String prefix, String field, String piece) {
    out.append(prefix).append("{\"index\":0,\"delta\":{\"").append(field).append("\":\"");
    JsonStringEncoder.getInstance().quoteAsString(piece, out);
    out.append("\"},\"logprobs\":null,\"finish_reason\":null}]}\n\n");
  }
}
