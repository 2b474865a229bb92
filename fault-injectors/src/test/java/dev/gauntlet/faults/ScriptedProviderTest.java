package dev.gauntlet.faults;

import static dev.gauntlet.faults.Fixtures.ANSWER;
import static dev.gauntlet.faults.Fixtures.INPUT;
import static dev.gauntlet.faults.Fixtures.MODEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import dev.gauntlet.run.RunDirectory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptedProviderTest {

  @TempDir Path dir;

  private FaultPlane plane;
  private OpenAIClient client;

  @BeforeEach
  void start() {
    plane =
        FaultPlane.start(
            Fixtures.scenario(7), Fixtures.dataset(), RunDirectory.create(dir), Clock.systemUTC());
    client =
        OpenAIOkHttpClient.builder()
            .baseUrl(plane.providerBaseUrl("primary").toString())
            .apiKey("x")
            .maxRetries(0)
            .build();
  }

  @AfterEach
  void stop() {
    client.close();
    plane.close();
  }

  private static ChatCompletionCreateParams.Builder ask(String input) {
    return ChatCompletionCreateParams.builder()
        .model(MODEL)
        .addSystemMessage("You help.")
        .addUserMessage(input);
  }

  private ChatCompletionMessage firstTurn() {
    ChatCompletion first = client.chat().completions().create(ask(INPUT).build());
    assertThat(first.choices().get(0).finishReason())
        .isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
    return first.choices().get(0).message();
  }

  private String answerAfterToolResult(ChatCompletionMessage assistant, String result) {
    String callId = assistant.toolCalls().orElseThrow().get(0).asFunction().id();
    ChatCompletion second =
        client
            .chat()
            .completions()
            .create(
                ask(INPUT)
                    .addMessage(assistant)
                    .addMessage(
                        ChatCompletionToolMessageParam.builder()
                            .toolCallId(callId)
                            .content(result)
                            .build())
                    .build());
    return second.choices().get(0).message().content().orElseThrow();
  }

  @Test
  void scriptedItemCallsTheToolThenAnswersWithTheFixtureValues() {
    ChatCompletionMessage assistant = firstTurn();
    ChatCompletionMessageFunctionToolCall call =
        assistant.toolCalls().orElseThrow().get(0).asFunction();
    assertThat(call.id()).isEqualTo("call_o-1_0_0");
    assertThat(call.function().name()).isEqualTo("get_order");
    assertThat(Fixtures.json(call.function().arguments()))
        .isEqualTo(Fixtures.json("{\"order_id\":\"42\"}"));

    String toolResult =
        Http.post(
                URI.create(plane.toolsBaseUrl() + "/tools/get_order"),
                call.function().arguments(),
                null)
            .body();

    assertThat(answerAfterToolResult(assistant, toolResult)).isEqualTo(ANSWER);
  }

  @Test
  void wrongToolResultYieldsTheApology() {
    ChatCompletionMessage assistant = firstTurn();

    assertThat(answerAfterToolResult(assistant, "{\"error\":\"timeout\"}"))
        .isEqualTo("I'm sorry, I could not find that information.");
    assertThat(answerAfterToolResult(assistant, "{\"status\":\"shipped\"}"))
        .as("a result without the eta field cannot fill the template")
        .isEqualTo("I'm sorry, I could not find that information.");
  }

  @Test
  void answerReportsUsageWithTokens() {
    ChatCompletion hello = client.chat().completions().create(ask("Say hello").build());

    assertThat(hello.choices().get(0).message().content()).contains("Hello!");
    assertThat(hello.id()).startsWith("chatcmpl-");
    assertThat(hello.usage().orElseThrow().promptTokens()).isPositive();
    assertThat(hello.usage().orElseThrow().completionTokens()).isPositive();
  }

  @Test
  void streamingAccumulatesTheSameAnswerAndUsage() {
    ChatCompletion whole = client.chat().completions().create(ask("Say hello").build());
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
    ChatCompletion streamed = accumulator.chatCompletion();

    assertThat(streamed.choices().get(0).message().content())
        .isEqualTo(whole.choices().get(0).message().content());
    assertThat(streamed.usage()).isEqualTo(whole.usage());
  }

  @Test
  void streamingCarriesToolCalls() {
    ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
    try (StreamResponse<ChatCompletionChunk> stream =
        client.chat().completions().createStreaming(ask(INPUT).build())) {
      stream.stream().forEach(accumulator::accumulate);
    }
    ChatCompletionMessageFunctionToolCall call =
        accumulator
            .chatCompletion()
            .choices()
            .get(0)
            .message()
            .toolCalls()
            .orElseThrow()
            .get(0)
            .asFunction();

    assertThat(call.function().name()).isEqualTo("get_order");
    assertThat(Fixtures.json(call.function().arguments()))
        .isEqualTo(Fixtures.json("{\"order_id\":\"42\"}"));
  }

  @Test
  void unknownConversationGetsAPoliteRefusal() {
    ChatCompletion answer =
        client.chat().completions().create(ask("What is the meaning of life?").build());

    assertThat(answer.choices().get(0).message().content())
        .contains("I don't know how to help with that.");
  }

  @Test
  void modelsListsTheProvidersModel() {
    var models = Http.get(URI.create(plane.providerBaseUrl("backup") + "/models"));

    assertThat(models.statusCode()).isEqualTo(200);
    assertThat(Fixtures.json(models.body()).at("/data/0/id").asText()).isEqualTo("gpt-4o");
  }

  @Test
  void unknownProviderNameIsRejected() {
    assertThatThrownBy(() -> plane.providerBaseUrl("tertiary"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("provider must be one of [primary, backup], but was tertiary");
  }
}
