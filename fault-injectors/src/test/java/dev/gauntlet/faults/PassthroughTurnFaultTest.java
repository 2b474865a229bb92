package dev.gauntlet.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.helpers.ResponseAccumulator;
import com.openai.models.ResponseFormatJsonObject;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletion.Choice.FinishReason;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseStreamEvent;
import dev.gauntlet.run.LedgerEntry;
import dev.gauntlet.scenario.Delay;
import dev.gauntlet.scenario.Fault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Turn and latency faults applied on the way back from a real provider (a scripted plane stands in for it), as the
 * official OpenAI SDK receives the rewritten Chat Completions answers.
 */
class PassthroughTurnFaultTest {

  private static final String ANSWER = "Order A1 was refunded.";
  private static final Duration TTFT = Duration.ofMillis(600);

  @TempDir Path dir;

  private FaultPlane upstream;
  private FaultPlane plane;
  private OpenAIClient sdk;

  @BeforeEach
  void startUpstream() {
    upstream = PassthroughRig.upstream(dir.resolve("upstream"));
  }

  @AfterEach
  void stop() {
    if (sdk != null) {
      sdk.close();
    }
    if (plane != null) {
      plane.close();
    }
    upstream.close();
  }

  private OpenAIClient forwardingWith(Fault fault) {
    plane =
        PassthroughRig.start(
            PassthroughRig.scenario(
                PassthroughRig.forwardingTo(upstream, "openai", null),
                PassthroughRig.always(fault)),
            dir.resolve("pt"));
    sdk =
        OpenAIOkHttpClient.builder()
            .baseUrl(plane.providerBaseUrl("primary").toString())
            .apiKey("sk-agent-key")
            .maxRetries(0)
            .timeout(Duration.ofSeconds(30))
            .build();
    return sdk;
  }

  /** Both ledgers, once both planes have written them. */
  private List<LedgerEntry> ledger() {
    stop();
    sdk = null;
    plane = null;
    return PassthroughRig.ledger(dir.resolve("pt"));
  }

  private List<LedgerEntry> upstreamLedger() {
    return PassthroughRig.ledger(dir.resolve("upstream"));
  }

  private static ChatCompletionCreateParams.Builder answering() {
    return LlmFaults.afterToolResult(LlmFaults.scriptedFirstTurn());
  }

  private static List<ChatCompletionChunk> stream(
      OpenAIClient sdk, ChatCompletionCreateParams.Builder params) {
    List<ChatCompletionChunk> chunks = new ArrayList<>();
    try (StreamResponse<ChatCompletionChunk> stream =
        sdk.chat().completions().createStreaming(params.build())) {
      stream.stream().forEach(chunks::add);
    }
    return chunks;
  }

  @Test
  void hallucinatedToolCallIsOneTheSdkParsesWithTheUpstreamsIdAndUsage() {
    OpenAIClient client =
        forwardingWith(new Fault.HallucinatedTool(Fault.HallucinatedTool.Variant.UNKNOWN_TOOL));
    ChatCompletion turn = client.chat().completions().create(LlmFaults.ask().build());

    assertThat(turn.choices().get(0).finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    ChatCompletionMessageFunctionToolCall call =
        turn.choices().get(0).message().toolCalls().orElseThrow().get(0).asFunction();
    assertThat(call.function().name()).isNotIn("get_order", "issue_refund");
    assertThat(call.id()).as("the upstream's call id").isEqualTo("call_r-1_0_0");
    assertThat(Fixtures.json(call.function().arguments()).get("order_id").asText()).isEqualTo("A1");
    assertThat(turn.id()).startsWith("chatcmpl-");
    long promptTokens = turn.usage().orElseThrow().promptTokens();
    long completionTokens = turn.usage().orElseThrow().completionTokens();

    assertThat(ledger())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.fault()).isEqualTo("the-fault");
              assertThat(e.hallucinated()).isTrue();
              assertThat(e.status()).isEqualTo(200);
              assertThat(e.inputTokens()).isEqualTo(promptTokens);
              assertThat(e.outputTokens()).isEqualTo(completionTokens);
            });
    assertThat(upstreamLedger())
        .as("the upstream answered and billed the call")
        .singleElement()
        .satisfies(e -> assertThat(e.outputTokens()).isEqualTo(completionTokens));
  }

  @Test
  void invalidJsonContentUnderJsonModeIsNotJson() {
    OpenAIClient client =
        forwardingWith(
            new Fault.MalformedOutput(Fault.MalformedOutput.Variant.INVALID_JSON_CONTENT));
    String content =
        client
            .chat()
            .completions()
            .create(answering().responseFormat(ResponseFormatJsonObject.builder().build()).build())
            .choices()
            .get(0)
            .message()
            .content()
            .orElseThrow();

    assertThat(content).startsWith("{\"answer\": \"Order");
    assertThat(catchThrowable(() -> Fixtures.json(content))).as(content).isNotNull();
    assertThat(ledger()).singleElement().extracting(LedgerEntry::fault).isEqualTo("the-fault");
  }

  @Test
  void truncatedStreamEndsBeforeItsFinishReasonAsTheSdkSeesIt() {
    OpenAIClient client =
        forwardingWith(new Fault.MalformedOutput(Fault.MalformedOutput.Variant.TRUNCATED_STREAM));
    List<ChatCompletionChunk> chunks = stream(client, answering());

    assertThat(chunks)
        .isNotEmpty()
        .allSatisfy(
            c ->
                assertThat(c.choices())
                    .allSatisfy(choice -> assertThat(choice.finishReason()).isEmpty()));
    String said =
        String.join(
            "",
            chunks.stream()
                .flatMap(c -> c.choices().stream())
                .map(choice -> choice.delta().content().orElse(""))
                .toList());
    assertThat(ANSWER).startsWith(said).isNotEqualTo(said);
    assertThat(ledger()).singleElement().extracting(LedgerEntry::fault).isEqualTo("the-fault");
  }

  @Test
  void runawayLoopTurnsEveryUpstreamAnswerIntoAnotherToolCall() {
    OpenAIClient client = forwardingWith(new Fault.RunawayLoop());
    ChatCompletionCreateParams.Builder conversation = LlmFaults.ask();
    for (int turn = 0; turn < 4; turn++) {
      ChatCompletion.Choice choice =
          client.chat().completions().create(conversation.build()).choices().get(0);
      assertThat(choice.finishReason()).as("turn %d", turn).isEqualTo(FinishReason.TOOL_CALLS);
      ChatCompletionMessageFunctionToolCall call =
          choice.message().toolCalls().orElseThrow().get(0).asFunction();
      assertThat(call.function().name()).as("a real tool").isIn("get_order", "issue_refund");
      assertThat(Fixtures.json(call.function().arguments()).get("order_id").isTextual()).isTrue();
      conversation
          .addMessage(choice.message())
          .addMessage(
              ChatCompletionToolMessageParam.builder()
                  .toolCallId(call.id())
                  .content("{\"status\":\"refunded\"}")
                  .build());
    }

    assertThat(ledger()).hasSize(4).extracting(LedgerEntry::fault).containsOnly("the-fault");
    assertThat(upstreamLedger()).as("every turn still went to the upstream").hasSize(4);
  }

  @Test
  void latencyDelaysTheUpstreamsAnswerByAtLeastTheTimeToFirstToken() {
    OpenAIClient client = forwardingWith(new Fault.Latency(new Delay.Fixed(TTFT)));
    long start = System.nanoTime();
    ChatCompletion whole = client.chat().completions().create(answering().build());
    Duration wholeTook = Duration.ofNanos(System.nanoTime() - start);
    start = System.nanoTime();
    try (StreamResponse<ChatCompletionChunk> stream =
        client.chat().completions().createStreaming(answering().build())) {
      stream.stream().findFirst();
    }
    Duration firstChunk = Duration.ofNanos(System.nanoTime() - start);

    assertThat(whole.choices().get(0).message().content()).contains(ANSWER);
    assertThat(wholeTook).isGreaterThanOrEqualTo(TTFT);
    assertThat(firstChunk).as("the first streamed chunk waits too").isGreaterThanOrEqualTo(TTFT);
    assertThat(ledger())
        .hasSize(2)
        .allSatisfy(
            e -> {
              assertThat(e.fault()).isEqualTo("the-fault");
              assertThat(e.firstByteMs()).isGreaterThanOrEqualTo(TTFT.toMillis());
            });
  }

  @Test
  void aTurnTheFaultDoesNotApplyToIsRelayedAsTheUpstreamSentIt() {
    OpenAIClient client =
        forwardingWith(
            new Fault.MalformedOutput(Fault.MalformedOutput.Variant.INVALID_JSON_ARGUMENTS));
    ChatCompletion answer = client.chat().completions().create(answering().build());

    assertThat(answer.choices().get(0).message().content()).contains(ANSWER);
    assertThat(answer.choices().get(0).message().refusal()).isEmpty();
    assertThat(ledger())
        .singleElement()
        .satisfies(e -> assertThat(e.fault()).as("nothing was changed").isNull());
  }

  @Test
  void responsesApiAnswersAreRewrittenWholeAndStreamed() {
    OpenAIClient client =
        forwardingWith(new Fault.HallucinatedTool(Fault.HallucinatedTool.Variant.RENAMED_TOOL));
    Response whole =
        client.responses().create(LlmFaults.askResponses().input(LlmFaults.INPUT).build());
    ResponseAccumulator accumulator = ResponseAccumulator.create();
    try (StreamResponse<ResponseStreamEvent> stream =
        client
            .responses()
            .createStreaming(LlmFaults.askResponses().input(LlmFaults.INPUT).build())) {
      stream.stream().forEach(accumulator::accumulate);
    }
    Response streamed = accumulator.response();

    assertThat(List.of(whole, streamed))
        .allSatisfy(
            response -> {
              assertThat(response.id()).startsWith("resp_");
              assertThat(response.output())
                  .singleElement()
                  .satisfies(
                      item -> {
                        assertThat(item.asFunctionCall().name())
                            .startsWith("issue_refund_")
                            .isNotEqualTo("issue_refund");
                        assertThat(item.asFunctionCall().callId())
                            .as("the upstream's call id")
                            .isEqualTo("call_r-1_0_0");
                      });
            });
    assertThat(ledger())
        .hasSize(2)
        .allSatisfy(
            e -> {
              assertThat(e.fault()).isEqualTo("the-fault");
              assertThat(e.hallucinated()).isTrue();
            });
  }
}
