package dev.gauntlet.faults;

import static dev.gauntlet.faults.Fixtures.ANSWER;
import static dev.gauntlet.faults.Fixtures.INPUT;
import static dev.gauntlet.faults.Fixtures.MODEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.InternalServerException;
import com.openai.helpers.ResponseAccumulator;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.responses.EasyInputMessage;
import com.openai.models.responses.FunctionTool;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseFunctionToolCall;
import com.openai.models.responses.ResponseInputItem;
import com.openai.models.responses.ResponseStreamEvent;
import dev.gauntlet.faults.internal.openai.Embeddings;
import dev.gauntlet.run.RunDirectory;
import dev.gauntlet.scenario.Scenario;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Responses, embeddings and models endpoints as the official OpenAI Java SDK sees them. */
class OpenAiResponsesTest {

  @TempDir Path dir;

  private FaultPlane start(Scenario scenario) {
    FaultPlane plane =
        FaultPlane.start(
            scenario,
            Fixtures.dataset(),
            RunDirectory.create(dir.resolve("run")),
            Clock.systemUTC());
    plane.startTimeline();
    return plane;
  }

  private static OpenAIClient sdk(FaultPlane plane) {
    return OpenAIOkHttpClient.builder()
        .baseUrl(plane.providerBaseUrl("primary").toString())
        .apiKey("x")
        .maxRetries(0)
        .build();
  }

  private static ResponseCreateParams.Builder ask() {
    FunctionTool getOrder =
        FunctionTool.builder()
            .name("get_order")
            .description("Looks up an order")
            .strict(false)
            .parameters(
                FunctionTool.Parameters.builder()
                    .putAdditionalProperty("type", JsonValue.from("object"))
                    .putAdditionalProperty(
                        "properties", JsonValue.from(Map.of("order_id", Map.of("type", "string"))))
                    .build())
            .build();
    return ResponseCreateParams.builder()
        .model(MODEL)
        .instructions("You are a support agent.")
        .addTool(getOrder);
  }

  private static ResponseCreateParams answerWith(ResponseFunctionToolCall call) {
    return ask()
        .inputOfResponse(
            List.of(
                ResponseInputItem.ofEasyInputMessage(
                    EasyInputMessage.builder()
                        .role(EasyInputMessage.Role.USER)
                        .content(INPUT)
                        .build()),
                ResponseInputItem.ofFunctionCall(call),
                ResponseInputItem.ofFunctionCallOutput(
                    ResponseInputItem.FunctionCallOutput.builder()
                        .callId(call.callId())
                        .output("{\"status\":\"shipped\",\"eta\":\"2025-01-03\"}")
                        .build())))
        .build();
  }

  private static void runsTheScriptedItem(Function<ResponseCreateParams, Response> create) {
    Response toolTurn = create.apply(ask().input(INPUT).build());
    ResponseFunctionToolCall call = toolTurn.output().get(0).asFunctionCall();
    assertThat(call.name()).isEqualTo("get_order");
    assertThat(Fixtures.json(call.arguments())).isEqualTo(Fixtures.json("{\"order_id\":\"42\"}"));
    assertThat(toolTurn.usage()).get().satisfies(u -> assertThat(u.inputTokens()).isPositive());

    Response answer = create.apply(answerWith(call));

    assertThat(answer.output())
        .singleElement()
        .satisfies(
            item ->
                assertThat(item.asMessage().content().get(0).asOutputText().text())
                    .isEqualTo(ANSWER));
    assertThat(answer.usage()).get().satisfies(u -> assertThat(u.outputTokens()).isPositive());
    assertThat(answer.id()).startsWith("resp_");
  }

  @Test
  void functionCallThenOutputThenFinalAnswer() {
    try (FaultPlane plane = start(Fixtures.scenario(1))) {
      OpenAIClient client = sdk(plane);
      runsTheScriptedItem(params -> client.responses().create(params));
    }
  }

  @Test
  void streamedFunctionCallAndAnswerAccumulateToTheSameResponses() {
    try (FaultPlane plane = start(Fixtures.scenario(1))) {
      OpenAIClient client = sdk(plane);
      runsTheScriptedItem(
          params -> {
            ResponseAccumulator accumulator = ResponseAccumulator.create();
            try (StreamResponse<ResponseStreamEvent> stream =
                client.responses().createStreaming(params)) {
              stream.stream().forEach(accumulator::accumulate);
            }
            return accumulator.response();
          });
    }
  }

  @Test
  void streamSendsTheResponsesEventSequence() {
    try (FaultPlane plane = start(Fixtures.scenario(1))) {
      URI responses = URI.create(plane.providerBaseUrl("primary") + "/responses");
      HttpResponse<String> response =
          Http.post(
              responses,
              "{\"model\":\"" + MODEL + "\",\"input\":\"Say hello\",\"stream\":true}",
              "task-1");

      assertThat(response.headers().firstValue("x-request-id")).isPresent();
      assertThat(response.headers().firstValue("openai-processing-ms")).isPresent();
      List<String> events = Http.eventTypes(response.body());
      assertThat(events)
          .containsExactly(
              "response.created",
              "response.in_progress",
              "response.output_item.added",
              "response.content_part.added",
              "response.output_text.delta",
              "response.output_text.done",
              "response.content_part.done",
              "response.output_item.done",
              "response.completed");
    }
  }

  @Test
  void outageSurfacesAsTheSdksServerException() {
    try (FaultPlane plane =
        start(
            Fixtures.scenario(
                1, Fixtures.outage("down", Duration.ZERO, Duration.ofHours(1), 1.0, 502)))) {
      InternalServerException e =
          catchThrowableOfType(
              InternalServerException.class,
              () -> sdk(plane).responses().create(ask().input(INPUT).build()));

      assertThat(e.statusCode()).isEqualTo(502);
      assertThat(e.headers().values("x-request-id")).singleElement().asString().startsWith("req_");
    }
  }

  @Test
  void embeddingsAreSeededUnitVectorsWithTokenUsage() {
    try (FaultPlane plane = start(Fixtures.scenario(1))) {
      EmbeddingCreateParams params =
          EmbeddingCreateParams.builder()
              .model("text-embedding-3-small")
              .input("refund policy")
              .build();
      CreateEmbeddingResponse first = sdk(plane).embeddings().create(params);
      CreateEmbeddingResponse again = sdk(plane).embeddings().create(params);

      List<Float> vector = first.data().get(0).embedding();
      assertThat(vector).hasSize(Embeddings.DEFAULT_DIMENSIONS);
      assertThat(vector.stream().mapToDouble(v -> v * v).sum())
          .as("unit length")
          .isCloseTo(1.0, within(1e-3));
      assertThat(again.data().get(0).embedding()).as("same text, same vector").isEqualTo(vector);
      assertThat(first.usage().promptTokens()).isPositive();
      assertThat(
              sdk(plane)
                  .embeddings()
                  .create(params.toBuilder().dimensions(256).build())
                  .data()
                  .get(0)
                  .embedding())
          .hasSize(256);
    }
  }

  @Test
  void modelsListEveryProviderModel() {
    try (FaultPlane plane = start(Fixtures.scenario(1))) {
      assertThat(sdk(plane).models().list().data())
          .extracting(m -> m.id())
          .contains(MODEL, "gpt-4o", "text-embedding-3-small");
      assertThat(sdk(plane).models().retrieve("gpt-4o").id()).isEqualTo("gpt-4o");
    }
  }

  @Test
  void missingFieldsAndUnknownRoutesGetOpenAiErrors() {
    try (FaultPlane plane = start(Fixtures.scenario(1))) {
      String base = plane.providerBaseUrl("primary").toString();
      HttpResponse<String> noInput =
          Http.post(URI.create(base + "/responses"), "{\"model\":\"" + MODEL + "\"}", null);
      HttpResponse<String> notJson = Http.post(URI.create(base + "/embeddings"), "nope", null);
      HttpResponse<String> unknown = Http.get(URI.create(base + "/assistants"));

      assertThat(noInput.statusCode()).isEqualTo(400);
      assertThat(Fixtures.json(noInput.body()).at("/error/message").asText())
          .isEqualTo("Missing required parameter: 'input'.");
      assertThat(notJson.statusCode()).isEqualTo(400);
      assertThat(Fixtures.json(notJson.body()).at("/error/type").asText())
          .isEqualTo("invalid_request_error");
      assertThat(unknown.statusCode()).isEqualTo(404);
      assertThat(unknown.headers().firstValue("x-request-id")).isPresent();
    }
  }
}
