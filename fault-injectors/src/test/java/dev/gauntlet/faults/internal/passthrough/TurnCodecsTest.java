package dev.gauntlet.faults.internal.passthrough;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gauntlet.faults.internal.anthropic.MessagesCodec;
import dev.gauntlet.faults.internal.openai.ResponsesCodec;
import dev.gauntlet.faults.internal.provider.ChatCodec;
import dev.gauntlet.faults.internal.provider.Reply;
import dev.gauntlet.faults.internal.provider.Turn;
import dev.gauntlet.faults.internal.provider.TurnCodec;
import dev.gauntlet.faults.internal.provider.UpstreamReply;
import dev.gauntlet.faults.internal.provider.Wire;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each wire format's codec reads back what it writes, whole and streamed, and reads nothing from a broken answer. */
class TurnCodecsTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** A codec, a request it answers, and the envelope of its answers. */
  private record Format(String name, TurnCodec codec, String request, UpstreamReply envelope) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final List<Format> FORMATS =
      List.of(
          new Format(
              "chat",
              new ChatCodec(),
              "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
                  + "\"stream_options\":{\"include_usage\":true}}",
              new UpstreamReply("chatcmpl-abc", "gpt-x", 1700000000, null)),
          new Format(
              "messages",
              new MessagesCodec(),
              "{\"model\":\"m\",\"max_tokens\":10,\"messages\":[{\"role\":"
                  + "\"user\",\"content\":\"hi\"}]}",
              new UpstreamReply("msg_abc", "claude-x", 0, null)),
          new Format(
              "responses",
              new ResponsesCodec(),
              "{\"model\":\"m\",\"input\":\"hi\",\"instructions\":\"Be brief.\"}",
              new UpstreamReply("resp_abc", "gpt-y", 1700000001, null)));

  private static final List<Reply> REPLIES =
      List.of(
          new Reply.Text("Order 42 is shipped,\narriving 2025-01-03 — «soon»."),
          new Reply.Text(""),
          new Reply.Calls(List.of(new Reply.Call("call_1", "get_order", "{\"order_id\":\"42\"}"))),
          new Reply.Calls(
              List.of(
                  new Reply.Call("call_a", "lookup", "{}"),
                  new Reply.Call(
                      "call_b", "refund", "{\"ids\":[1,2],\"note\":\"a \\\"quoted\\\" word\"}"))));

  static Stream<Arguments> roundTrips() {
    List<Arguments> out = new ArrayList<>();
    for (Format format : FORMATS) {
      for (boolean streamed : List.of(false, true)) {
        REPLIES.forEach(reply -> out.add(Arguments.of(format, streamed, reply)));
      }
    }
    return out.stream();
  }

  static Stream<Arguments> brokenStreams() {
    List<Arguments> out = new ArrayList<>();
    for (Format format : FORMATS) {
      for (Wire.Cut cut : List.of(Wire.Cut.TRUNCATED, Wire.Cut.MALFORMED_FRAME)) {
        out.add(Arguments.of(format, cut));
      }
    }
    return out.stream();
  }

  private static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static UpstreamReply envelope(Format format, Reply reply) {
    UpstreamReply e = format.envelope();
    return new UpstreamReply(e.id(), e.model(), e.created(), reply);
  }

  @ParameterizedTest(name = "{0}, streamed {1}: {2}")
  @MethodSource("roundTrips")
  void readsBackWhatItWrites(Format format, boolean streamed, Reply reply) {
    UpstreamReply upstream = envelope(format, reply);
    String written =
        format.codec().write(json(format.request()), upstream, Turn.of(reply), 12, 7, streamed);

    assertThat(format.codec().read(written, streamed)).as(written).contains(upstream);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("brokenStreams")
  void readsNothingFromAStreamCutShortOrWithAFrameThatIsNotJson(Format format, Wire.Cut cut) {
    Reply reply = new Reply.Text("one two three four five six seven eight");
    String written =
        format
            .codec()
            .write(
                json(format.request()),
                envelope(format, reply),
                new Turn(reply, new Wire(Wire.Stop.NATURAL, false, cut), false),
                12,
                7,
                true);

    assertThat(format.codec().read(written, true)).as(written).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void readsNothingFromABodyThatIsNotJson(Format format) {
    assertThat(format.codec().read("<html>Bad gateway</html>", false)).isEmpty();
    assertThat(format.codec().read("{\"truncated\": ", false)).isEmpty();
  }

  static Stream<Format> formats() {
    return FORMATS.stream();
  }
}
