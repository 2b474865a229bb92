package dev.gauntlet.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.anthropic.client.AnthropicClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.ToolUseBlock;
import dev.gauntlet.run.LedgerEntry;
import dev.gauntlet.scenario.Delay;
import dev.gauntlet.scenario.Fault;
import dev.gauntlet.scenario.FaultSpec;
import dev.gauntlet.scenario.Provider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Anthropic Messages through pass-through and replay, as the official Anthropic Java SDK sees them, with a scripted
 * plane standing in for the real provider: the round trip whole and streamed, recording then replaying with the
 * upstream gone, and turn and latency faults applied to the upstream's (or the fixture's) answers.
 */
class AnthropicPassthroughTest {

  private static final String RESULT = "{\"status\":\"refunded\"}";
  private static final String ANSWER = "Order A1 was refunded.";

  @TempDir Path dir;

  private FaultPlane upstream;

  @BeforeEach
  void startUpstream() {
    upstream = PassthroughRig.upstream(dir.resolve("upstream"));
  }

  @AfterEach
  void stopUpstream() {
    upstream.close();
  }

  /** One SDK call: whole, or streamed and accumulated. */
  private enum Mode {
    WHOLE((client, params) -> client.messages().create(params)),
    STREAMED(PassthroughRig::streamed);

    private final BiFunction<AnthropicClient, MessageCreateParams, Message> create;

    Mode(BiFunction<AnthropicClient, MessageCreateParams, Message> create) {
      this.create = create;
    }
  }

  /** The refund conversation, both turns, through {@code plane}. */
  private static List<Message> converse(FaultPlane plane, Mode mode) {
    AnthropicClient client = PassthroughRig.anthropic(plane);
    try {
      Message toolTurn = mode.create.apply(client, LlmFaults.askAnthropic().build());
      Message answer =
          mode.create.apply(client, PassthroughRig.afterToolUse(toolTurn, RESULT).build());
      return List.of(toolTurn, answer);
    } finally {
      client.close();
    }
  }

  private Provider forwarding(Path record) {
    return PassthroughRig.forwardingTo(upstream, "anthropic", record);
  }

  private FaultPlane start(Provider provider, String run, FaultSpec... faults) {
    return PassthroughRig.start(PassthroughRig.scenario(provider, faults), dir.resolve(run));
  }

  private static void callsTheToolThenAnswers(List<Message> turns) {
    assertThat(turns.get(0).stopReason()).contains(StopReason.TOOL_USE);
    ToolUseBlock call = turns.get(0).content().get(0).asToolUse();
    assertThat(call.name()).isEqualTo("issue_refund");
    assertThat(call.id()).isEqualTo("toolu_r-1_0_0");
    assertThat(call._input().convert(Map.class))
        .isEqualTo(Map.of("order_id", "A1", "amount_cents", 1500));
    assertThat(turns.get(1).stopReason()).contains(StopReason.END_TURN);
    assertThat(turns.get(1).content())
        .singleElement()
        .extracting(b -> b.asText().text())
        .isEqualTo(ANSWER);
    assertThat(turns)
        .allSatisfy(
            m -> {
              assertThat(m.id()).startsWith("msg_");
              assertThat(m.model().asString()).isEqualTo(Fixtures.MODEL);
              assertThat(m.usage().outputTokens()).isPositive();
            });
  }

  @Test
  void passThroughRoundTripWholeAndStreamed() {
    List<Message> whole;
    List<Message> streamed;
    try (FaultPlane plane = start(forwarding(null), "pt")) {
      whole = converse(plane, Mode.WHOLE);
      streamed = converse(plane, Mode.STREAMED);
    }

    callsTheToolThenAnswers(whole);
    callsTheToolThenAnswers(streamed);
    assertThat(streamed)
        .extracting(Message::content)
        .isEqualTo(whole.stream().map(Message::content).toList());
    assertThat(PassthroughRig.ledger(dir.resolve("pt")))
        .as("one line per call, tokens from the upstream's usage")
        .hasSize(4)
        .allSatisfy(
            e -> {
              assertThat(e.provider()).isEqualTo("primary");
              assertThat(e.status()).isEqualTo(200);
              assertThat(e.inputTokens()).isPositive();
              assertThat(e.outputTokens()).isPositive();
              assertThat(e.costUsd()).isPositive();
              assertThat(e.fault()).isNull();
            });
  }

  @Test
  void recordThenReplayGivesTheSameMessagesWithTheUpstreamStopped() throws IOException {
    Path fixtures = dir.resolve("fixtures");
    List<Message> recorded = new ArrayList<>();
    try (FaultPlane recording = start(forwarding(fixtures), "record")) {
      recorded.addAll(converse(recording, Mode.WHOLE));
      recorded.addAll(converse(recording, Mode.STREAMED));
    }
    upstream.close();
    try (Stream<Path> files = Files.list(fixtures)) {
      assertThat(files).as("one fixture per distinct request, streamed ones apart").hasSize(4);
    }

    List<Message> replayed = new ArrayList<>();
    try (FaultPlane replay =
        start(Provider.replay("primary", "anthropic", Fixtures.MODEL, fixtures), "replay")) {
      replayed.addAll(converse(replay, Mode.WHOLE));
      replayed.addAll(converse(replay, Mode.STREAMED));
    }

    assertThat(replayed).isEqualTo(recorded);
    assertThat(PassthroughRig.ledger(dir.resolve("replay")))
        .hasSize(4)
        .allSatisfy(e -> assertThat(e.outputTokens()).isPositive());
  }

  @Test
  void hallucinatedToolUseKeepsTheUpstreamsIdsAndIsFlagged() {
    Message message;
    try (FaultPlane plane =
        start(
            forwarding(null),
            "pt",
            PassthroughRig.always(
                new Fault.HallucinatedTool(Fault.HallucinatedTool.Variant.UNKNOWN_TOOL)))) {
      AnthropicClient client = PassthroughRig.anthropic(plane);
      message = client.messages().create(LlmFaults.askAnthropic().build());
      client.close();
    }

    assertThat(message.stopReason()).contains(StopReason.TOOL_USE);
    ToolUseBlock call = message.content().get(0).asToolUse();
    assertThat(call.name()).isNotIn("get_order", "issue_refund");
    assertThat(call.id()).as("the upstream's tool_use id").isEqualTo("toolu_r-1_0_0");
    assertThat(PassthroughRig.ledger(dir.resolve("pt")))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.fault()).isEqualTo("the-fault");
              assertThat(e.hallucinated()).isTrue();
              assertThat(e.outputTokens()).isEqualTo(message.usage().outputTokens());
            });
  }

  @Test
  void truncatedStreamEndsBeforeMessageStop() {
    List<RawMessageStreamEvent> events = new ArrayList<>();
    try (FaultPlane plane =
        start(
            forwarding(null),
            "pt",
            PassthroughRig.always(
                new Fault.MalformedOutput(Fault.MalformedOutput.Variant.TRUNCATED_STREAM)))) {
      AnthropicClient client = PassthroughRig.anthropic(plane);
      try (StreamResponse<RawMessageStreamEvent> stream =
          client.messages().createStreaming(LlmFaults.askAnthropic().build())) {
        stream.stream().forEach(events::add);
      }
      client.close();
    }

    assertThat(events)
        .isNotEmpty()
        .noneMatch(RawMessageStreamEvent::isMessageStop)
        .noneMatch(RawMessageStreamEvent::isMessageDelta);
    assertThat(PassthroughRig.ledger(dir.resolve("pt")))
        .singleElement()
        .extracting(LedgerEntry::fault)
        .isEqualTo("the-fault");
  }

  @Test
  void malformedEventFailsTheSdksStream() {
    try (FaultPlane plane =
        start(
            forwarding(null),
            "pt",
            PassthroughRig.always(
                new Fault.MalformedOutput(Fault.MalformedOutput.Variant.MALFORMED_SSE)))) {
      AnthropicClient client = PassthroughRig.anthropic(plane);

      assertThat(
              catchThrowable(
                  () -> PassthroughRig.streamed(client, LlmFaults.askAnthropic().build())))
          .isNotNull();
      client.close();
    }
  }

  @Test
  void runawayLoopNeverLetsTheStreamedAnswerThrough() {
    List<Message> turns;
    try (FaultPlane plane =
        start(forwarding(null), "pt", PassthroughRig.always(new Fault.RunawayLoop()))) {
      turns = converse(plane, Mode.STREAMED);
    }

    assertThat(turns)
        .allSatisfy(
            m -> {
              assertThat(m.stopReason()).contains(StopReason.TOOL_USE);
              assertThat(m.content())
                  .isNotEmpty()
                  .allSatisfy(
                      b -> assertThat(b.asToolUse().name()).isIn("get_order", "issue_refund"));
            });
    assertThat(PassthroughRig.ledger(dir.resolve("pt")))
        .hasSize(2)
        .extracting(LedgerEntry::fault)
        .containsOnly("the-fault");
  }

  @Test
  void turnFaultsRewriteReplayedAnswersToo() {
    Path fixtures = dir.resolve("fixtures");
    try (FaultPlane recording = start(forwarding(fixtures), "record")) {
      converse(recording, Mode.STREAMED);
    }
    upstream.close();

    Message message;
    try (FaultPlane replay =
        start(
            Provider.replay("primary", "anthropic", Fixtures.MODEL, fixtures),
            "replay",
            PassthroughRig.always(
                new Fault.HallucinatedTool(Fault.HallucinatedTool.Variant.RENAMED_TOOL)))) {
      AnthropicClient client = PassthroughRig.anthropic(replay);
      message = PassthroughRig.streamed(client, LlmFaults.askAnthropic().build());
      client.close();
    }

    assertThat(message.content().get(0).asToolUse().name())
        .startsWith("issue_refund_")
        .isNotEqualTo("issue_refund");
    assertThat(PassthroughRig.ledger(dir.resolve("replay")))
        .singleElement()
        .satisfies(e -> assertThat(e.hallucinated()).isTrue());
  }

  @Test
  void latencyDelaysTheFirstStreamedEvent() {
    Duration ttft = Duration.ofMillis(600);
    Duration firstEvent;
    try (FaultPlane plane =
        start(
            forwarding(null),
            "pt",
            PassthroughRig.always(new Fault.Latency(new Delay.Fixed(ttft))))) {
      AnthropicClient client = PassthroughRig.anthropic(plane);
      long start = System.nanoTime();
      try (StreamResponse<RawMessageStreamEvent> stream =
          client.messages().createStreaming(LlmFaults.askAnthropic().build())) {
        stream.stream().findFirst();
      }
      firstEvent = Duration.ofNanos(System.nanoTime() - start);
      client.close();
    }

    assertThat(firstEvent).isGreaterThanOrEqualTo(ttft);
    assertThat(PassthroughRig.ledger(dir.resolve("pt")))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.fault()).isEqualTo("the-fault");
              assertThat(e.firstByteMs()).isGreaterThanOrEqualTo(ttft.toMillis());
            });
  }
}
