package dev.gauntlet.faults;

import static dev.gauntlet.faults.Fixtures.INPUT;
import static dev.gauntlet.faults.Fixtures.MODEL;

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
import dev.gauntlet.run.RunDirectory;
import dev.gauntlet.scenario.Evaluation;
import dev.gauntlet.scenario.FaultPlaneSpec;
import dev.gauntlet.scenario.FaultSpec;
import dev.gauntlet.scenario.Provider;
import dev.gauntlet.scenario.Scenario;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** What the pass-through and replay tests share: a plane per provider, the SDK, and the two conversations. */
final class PassthroughRig {

  static final String TOOL_RESULT = "{\"status\":\"shipped\",\"eta\":\"2025-01-03\"}";

  private PassthroughRig() {}

  static Scenario scenario(Provider provider, FaultSpec... faults) {
    return new Scenario("passthrough", 1, null, "orders", List.of(provider), Map.of(MODEL, Fixtures.PRICE), null,
        List.of(faults), List.of(), Evaluation.defaults(), FaultPlaneSpec.anyPorts(), null);
  }

  static FaultPlane start(Scenario scenario, Path run) {
    FaultPlane plane = FaultPlane.start(scenario, Fixtures.dataset(), RunDirectory.create(run), Clock.systemUTC());
    plane.startTimeline();
    return plane;
  }

  static OpenAIClient sdk(FaultPlane plane) {
    return OpenAIOkHttpClient.builder().baseUrl(plane.providerBaseUrl("primary").toString()).apiKey("sk-agent-key")
        .maxRetries(0).build();
  }

  static ChatCompletionCreateParams.Builder ask(String input) {
    return ChatCompletionCreateParams.builder().model(MODEL).addSystemMessage("You help.").addUserMessage(input);
  }

  /** The order conversation: the model calls get_order, gets its result, answers; returns both turns. */
  static List<ChatCompletionMessage> toolCallThenAnswer(OpenAIClient client) {
    ChatCompletionMessage call = client.chat().completions().create(ask(INPUT).build()).choices().get(0).message();
    String id = call.toolCalls().orElseThrow().get(0).asFunction().id();
    ChatCompletionMessage answer = client.chat().completions().create(ask(INPUT).addMessage(call)
        .addMessage(ChatCompletionToolMessageParam.builder().toolCallId(id).content(TOOL_RESULT).build()).build())
        .choices().get(0).message();
    return List.of(call, answer);
  }

  /** "Say hello", streamed with usage, accumulated as the SDK does it. */
  static ChatCompletion streamedHello(OpenAIClient client) {
    ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
    try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(ask("Say hello")
        .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build())) {
      stream.stream().forEach(accumulator::accumulate);
    }
    return accumulator.chatCompletion();
  }
}
