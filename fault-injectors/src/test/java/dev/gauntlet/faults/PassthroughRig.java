package dev.gauntlet.faults;

import static dev.gauntlet.faults.Fixtures.INPUT;
import static dev.gauntlet.faults.Fixtures.MODEL;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import dev.gauntlet.run.JsonLines;
import dev.gauntlet.run.LedgerEntry;
import dev.gauntlet.run.RunDirectory;
import dev.gauntlet.scenario.Evaluation;
import dev.gauntlet.scenario.Fault;
import dev.gauntlet.scenario.FaultPlaneSpec;
import dev.gauntlet.scenario.FaultSpec;
import dev.gauntlet.scenario.Provider;
import dev.gauntlet.scenario.Scenario;
import dev.gauntlet.scenario.Window;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the pass-through and replay tests share: a plane per provider, a scripted plane standing in for the real
 * provider, the SDKs, and the conversations.
 */
final class PassthroughRig {

  static final String TOOL_RESULT = "{\"status\":\"shipped\",\"eta\":\"2025-01-03\"}";

  private PassthroughRig() {}

  static Scenario scenario(Provider provider, FaultSpec... faults) {
    return new Scenario(
        "passthrough",
        1,
        null,
        "orders",
        List.of(provider),
        Map.of(MODEL, Fixtures.PRICE),
        null,
        List.of(faults),
        List.of(),
        Evaluation.defaults(),
        FaultPlaneSpec.anyPorts(),
        null);
  }

  /** {@code fault} on {@code primary} for an hour, on every call. */
  static FaultSpec always(Fault fault) {
    return new FaultSpec(
        "the-fault", new Window(Duration.ZERO, Duration.ofHours(1)), 1.0, "primary", null, fault);
  }

  /** The stand-in for the real provider: a scripted plane, faults off, serving {@link LlmFaults#dataset()}. */
  static FaultPlane upstream(Path run) {
    FaultPlane plane =
        FaultPlane.start(
            Fixtures.scenario(7), LlmFaults.dataset(), RunDirectory.create(run), Clock.systemUTC());
    plane.startTimeline();
    return plane;
  }

  /** {@code primary} forwarding to {@code upstream}'s {@code primary}, speaking {@code api}. */
  static Provider forwardingTo(FaultPlane upstream, String api, Path record) {
    return Provider.passthrough(
        "primary", api, MODEL, upstream.providerBaseUrl("primary"), null, record);
  }

  static List<LedgerEntry> ledger(Path run) {
    return JsonLines.readAll(run.resolve("ledger.jsonl"), LedgerEntry.class);
  }

  /** The official Anthropic SDK pointed at {@code primary}; it adds {@code /v1/messages} to the base itself. */
  static AnthropicClient anthropic(FaultPlane plane) {
    String base = plane.providerBaseUrl("primary").toString();
    return AnthropicOkHttpClient.builder()
        .baseUrl(base.substring(0, base.length() - "/v1".length()))
        .apiKey("sk-ant-agent-key")
        .maxRetries(0)
        .build();
  }

  /** A message streamed and accumulated as the SDK does it. */
  static Message streamed(AnthropicClient client, MessageCreateParams params) {
    MessageAccumulator accumulator = MessageAccumulator.create();
    try (com.anthropic.core.http.StreamResponse<RawMessageStreamEvent> stream =
        client.messages().createStreaming(params)) {
      stream.stream().forEach(accumulator::accumulate);
    }
    return accumulator.message();
  }

  /** {@code toolTurn}'s first tool use answered with {@code result}, after {@link LlmFaults#askAnthropic()}. */
  static MessageCreateParams.Builder afterToolUse(Message toolTurn, String result) {
    ToolResultBlockParam block =
        ToolResultBlockParam.builder()
            .toolUseId(toolTurn.content().get(0).asToolUse().id())
            .content(result)
            .build();
    return LlmFaults.askAnthropic()
        .addMessage(toolTurn)
        .addUserMessageOfContentBlockParams(List.of(ContentBlockParam.ofToolResult(block)));
  }

  static FaultPlane start(Scenario scenario, Path run) {
    FaultPlane plane =
        FaultPlane.start(scenario, Fixtures.dataset(), RunDirectory.create(run), Clock.systemUTC());
    plane.startTimeline();
    return plane;
  }

  static OpenAIClient sdk(FaultPlane plane) {
    return OpenAIOkHttpClient.builder()
        .baseUrl(plane.providerBaseUrl("primary").toString())
        .apiKey("sk-agent-key")
        .maxRetries(0)
        .build();
  }

  static ChatCompletionCreateParams.Builder ask(String input) {
    return ChatCompletionCreateParams.builder()
        .model(MODEL)
        .addSystemMessage("You help.")
        .addUserMessage(input);
  }

  /** The order conversation: the model calls get_order, gets its result, answers; returns both turns. */
  static List<ChatCompletionMessage> toolCallThenAnswer(OpenAIClient client) {
    ChatCompletionMessage call =
        client.chat().completions().create(ask(INPUT).build()).choices().get(0).message();
    String id = call.toolCalls().orElseThrow().get(0).asFunction().id();
    ChatCompletionMessage answer =
        client
            .chat()
            .completions()
            .create(
                ask(INPUT)
                    .addMessage(call)
                    .addMessage(
                        ChatCompletionToolMessageParam.builder()
                            .toolCallId(id)
                            .content(TOOL_RESULT)
                            .build())
                    .build())
            .choices()
            .get(0)
            .message();
    return List.of(call, answer);
  }

  /** "Say hello", streamed with usage, accumulated as the SDK does it. */
  static ChatCompletion streamedHello(OpenAIClient client) {
    ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
    try (StreamResponse<ChatCompletionChunk> stream =
        client
            .chat()
            .completions()
            .createStreaming(
                ask("Say hello")
                    .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
                    .build())) {
      stream.stream().forEach(accumulator::accumulate);
    }
    return accumulator.chatCompletion();
  }
}
