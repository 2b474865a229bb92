package dev.gauntlet.faults.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** When each event of a paced stream is due, and which events carry tokens, in every wire format. */
class StreamScheduleTest {

  private static final String ROLE =
      "data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}\n\n";
  private static final String FINISH =
      "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n";
  private static final String DONE = "data: [DONE]\n\n";

  private static String content(String text) {
    return "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + text + "\"}}]}\n\n";
  }

  @Test
  void firstTokenGoesOutAtTtftWithWhatPrecedesItAndEachLaterOneAGapAfter() {
    Pace pace = new Pace("slow", Duration.ofMillis(300), Duration.ofMillis(20), 0, 1, false);
    List<String> events = List.of(ROLE, content("Hel"), content("lo"), content("!"), FINISH, DONE);

    long[] due = pace.schedule(events, SseEvents::carriesToken, 3);

    assertThat(due).containsExactly(ms(300), ms(300), ms(320), ms(340), ms(340), ms(340));
  }

  @Test
  void fewerEventsThanTokensShareTheGenerationTimeSoTheStreamLastsAsLongAsTheWholeAnswer() {
    Pace pace = new Pace("slow", Duration.ofMillis(300), Duration.ofMillis(20), 0, 1, false);
    List<String> events =
        List.of(ROLE, content("{\\\"order"), content("_id\\\": 7}"), FINISH, DONE);

    long[] due = pace.schedule(events, SseEvents::carriesToken, 11);

    assertThat(due).containsExactly(ms(300), ms(300), ms(500), ms(500), ms(500));
  }

  @Property(tries = 200)
  void aStreamOfNTokensTakesAsLongAsAWholeAnswerOfNTokens(
      @ForAll @IntRange(min = 1, max = 300) int tokens,
      @ForAll @DoubleRange(min = 0, max = 1) double jitter,
      @ForAll @LongRange(min = 0, max = 1000) long seed) {
    Pace pace =
        new Pace("slow", Duration.ofMillis(100), Duration.ofMillis(15), jitter, seed, false);
    List<String> events = new java.util.ArrayList<>(List.of(ROLE));
    for (int i = 0; i < tokens; i++) {
      events.add(content("t" + i));
    }
    events.add(DONE);

    long[] due = pace.schedule(events, SseEvents::carriesToken, tokens);

    assertThat(Math.abs(due[due.length - 1] - pace.whole(tokens).toNanos()))
        .as("rounding of each gap only")
        .isLessThanOrEqualTo(tokens);
    for (int i = 1; i < due.length; i++) {
      assertThat(due[i] - due[i - 1])
          .as("gap before event " + i)
          .isBetween(0L, Math.round(15e6 * (1 + jitter)) + 1);
    }
  }

  @Test
  void splitsEventsAtBlankLinesKeepingACutTail() {
    assertThat(SseEvents.split("event: a\ndata: {}\n\nevent: b\ndata: {}\n\ndata: [DO"))
        .containsExactly("event: a\ndata: {}\n\n", "event: b\ndata: {}\n\n", "data: [DO");
    assertThat(SseEvents.split("")).isEmpty();
  }

  @Test
  void knowsWhichEventsCarryTokensInEachWireFormat() {
    assertThat(SseEvents.carriesToken(content("Hi"))).isTrue();
    assertThat(
            SseEvents.carriesToken(
                "data: {\"choices\":[{\"delta\":{\"tool_calls\":[{\"index\":0}]}}]}\n\n"))
        .isTrue();
    assertThat(SseEvents.carriesToken(ROLE)).as("the opening role delta").isFalse();
    assertThat(SseEvents.carriesToken(FINISH)).as("the empty finishing delta").isFalse();
    assertThat(SseEvents.carriesToken(DONE)).isFalse();
    assertThat(SseEvents.carriesToken("event: content_block_delta\ndata: {}\n\n")).isTrue();
    assertThat(
            SseEvents.carriesToken(
                "event: message_delta\ndata: {\"delta\":{\"stop_reason\":\"x\"}}\n\n"))
        .as("Anthropic's closing message_delta")
        .isFalse();
    assertThat(SseEvents.carriesToken("event: response.output_text.delta\ndata: {}\n\n")).isTrue();
    assertThat(
            SseEvents.carriesToken("event: response.function_call_arguments.delta\ndata: {}\n\n"))
        .isTrue();
    assertThat(SseEvents.carriesToken("event: response.output_text.done\ndata: {}\n\n")).isFalse();
  }

  @Test
  void piecesAreTokensThatConcatenateToTheText() {
    String text =
        "Your order #A-1042 ships on Tuesday — 2 items, tracking 1Z999AA10123456784. 🚚 Danke schön!";

    List<String> pieces = Tokens.pieces(text);

    assertThat(String.join("", pieces)).isEqualTo(text);
    assertThat(pieces.size()).isBetween(Tokens.count(text) - 3, Tokens.count(text));
    assertThat(Tokens.pieces("Hello there friend")).hasSize(Tokens.count("Hello there friend"));
  }

  private static long ms(long millis) {
    return millis * 1_000_000;
  }
}
