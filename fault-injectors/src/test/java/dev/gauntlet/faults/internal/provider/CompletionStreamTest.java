package dev.gauntlet.faults.internal.provider;

import static dev.gauntlet.faults.internal.provider.Completion.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gauntlet.faults.internal.SseEvents;
import dev.gauntlet.faults.internal.Tokens;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/**
 * A streamed completion's text frames are written by hand, without a JSON tree a token: each must be byte for byte the
 * frame Jackson writes from the tree, whatever the text holds (quotes, backslashes, control characters, any script).
 */
class CompletionStreamTest {

  @Property(tries = 300)
  void eachTextFrameIsTheOneJacksonWritesFromTheTree(@ForAll @StringLength(max = 60) String text) {
    assertThat(CompletionStream.body(completion(text, Wire.NORMAL), true))
        .isEqualTo(fromTrees(completion(text, Wire.NORMAL), "content"));
  }

  @Test
  void textThatNeedsEscapingAndARefusalAreWrittenAsTheTreeWritesThem() {
    String text = "He said \"no\" \\ then\n\ttabbed \u0001 caf\u00e9 \u2028 \uD83D\uDE00 </script>";
    assertThat(CompletionStream.body(completion(text, Wire.NORMAL), true))
        .isEqualTo(fromTrees(completion(text, Wire.NORMAL), "content"));
    Wire refusal = new Wire(Wire.Stop.NATURAL, true, Wire.Cut.NONE);
    assertThat(CompletionStream.body(completion(text, refusal), true))
        .isEqualTo(fromTrees(completion(text, refusal), "refusal"));
  }

  @Test
  void everyFrameStartsWithTheChunkHeader() {
    Completion completion = completion("Your parcel left the warehouse.", Wire.NORMAL);
    for (String event : SseEvents.split(CompletionStream.body(completion, false))) {
      if (!event.equals("data: [DONE]\n\n")) {
        assertThat(event)
            .startsWith(
                "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\","
                    + "\"created\":1700000000,\"model\":\"gpt-4o-mini\",\"system_fingerprint\":\"fp_gauntlet\",\"choices\":[");
      }
    }
  }

  private static Completion completion(String text, Wire wire) {
    return new Completion(
        "chatcmpl-1",
        1_700_000_000L,
        "gpt-4o-mini",
        new Reply.Text(text),
        12,
        Tokens.count(text),
        wire);
  }

  /** The stream as it was written before text frames were written by hand: every frame from a JSON tree. */
  private static String fromTrees(Completion completion, String field) {
    List<ObjectNode> choices = new ArrayList<>();
    choices.add(choice(JSON.objectNode().put("role", "assistant").put("content", ""), null));
    for (String piece : Tokens.pieces(((Reply.Text) completion.reply()).content())) {
      choices.add(choice(JSON.objectNode().put(field, piece), null));
    }
    choices.add(choice(JSON.objectNode(), completion.finishReason()));
    StringBuilder out = new StringBuilder();
    for (ObjectNode choice : choices) {
      ObjectNode chunk = completion.header("chat.completion.chunk");
      chunk.putArray("choices").add(choice);
      out.append("data: ").append(chunk).append("\n\n");
    }
    ObjectNode usage = completion.header("chat.completion.chunk");
    usage.putArray("choices");
    usage.set("usage", completion.usage());
    out.append("data: ").append(usage).append("\n\n");
    return out.append("data: [DONE]\n\n").toString();
  }

  private static ObjectNode choice(ObjectNode delta, String finishReason) {
    ObjectNode choice = JSON.objectNode().put("index", 0);
    choice.set("delta", delta);
    choice.putNull("logprobs");
    choice.put("finish_reason", finishReason);
    return choice;
  }
}
