package dev.gauntlet.faults;

import static dev.gauntlet.faults.Fixtures.ANSWER;
import static dev.gauntlet.faults.Fixtures.INPUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.JsonValue;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.InternalServerException;
import com.anthropic.errors.OverloadedException;
import com.anthropic.errors.RateLimitException;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.anthropic.models.messages.ToolUseBlock;
import dev.gauntlet.run.JsonLines;
import dev.gauntlet.run.LedgerEntry;
import dev.gauntlet.run.RunDirectory;
import dev.gauntlet.scenario.Evaluation;
import dev.gauntlet.scenario.Fault;
import dev.gauntlet.scenario.FaultPlaneSpec;
import dev.gauntlet.scenario.FaultSpec;
import dev.gauntlet.scenario.Price;
import dev.gauntlet.scenario.Provider;
import dev.gauntlet.scenario.Scenario;
import dev.gauntlet.scenario.Window;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Anthropic Messages mock as the official Anthropic Java SDK sees it. */
class AnthropicMessagesTest {

  static final String CLAUDE = "claude-sonnet-4-5";

  @TempDir Path dir;

  static Scenario scenario(FaultSpec... faults) {
    return new Scenario(
        "anthropic",
        7,
        null,
        "orders",
        List.of(
            new Provider("claude", "anthropic", CLAUDE),
            new Provider("primary", "openai", Fixtures.MODEL)),
        Map.of(CLAUDE, new Price(3, 15)),
        null,
        List.of(faults),
        List.of(),
        Evaluation.defaults(),
        FaultPlaneSpec.anyPorts(),
        null);
  }

  private RunDirectory run;

  private FaultPlane start(Scenario scenario) {
    run = RunDirectory.create(dir.resolve("run"));
    FaultPlane plane = FaultPlane.start(scenario, Fixtures.dataset(), run, Clock.systemUTC());
    plane.startTimeline();
    return plane;
  }

  /** The SDK's base URL is the provider's without {@code /v1}: the SDK adds {@code /v1/messages} itself. */
  private static AnthropicClient sdk(FaultPlane plane) {
    String base = plane.providerBaseUrl("claude").toString();
    return AnthropicOkHttpClient.builder()
        .baseUrl(base.substring(0, base.length() - "/v1".length()))
        .apiKey("test-key")
        .maxRetries(0)
        .build();
  }

  private static MessageCreateParams.Builder ask() {
    Tool getOrder =
        Tool.builder()
            .name("get_order")
            .description("Looks up an order")
            .inputSchema(
                Tool.InputSchema.builder()
                    .properties(JsonValue.from(Map.of("order_id", Map.of("type", "string"))))
                    .addRequired("order_id")
                    .build())
            .build();
    return MessageCreateParams.builder()
        .model(CLAUDE)
        .maxTokens(1024)
        .system("You are a support agent.")
        .addTool(getOrder)
        .addUserMessage(INPUT);
  }

  private static MessageCreateParams answerWith(Message toolTurn, ToolUseBlock call) {
    ToolResultBlockParam result =
        ToolResultBlockParam.builder()
            .toolUseId(call.id())
            .content("{\"status\":\"shipped\",\"eta\":\"2025-01-03\"}")
            .build();
    return ask()
        .addMessage(toolTurn)
        .addUserMessageOfContentBlockParams(List.of(ContentBlockParam.ofToolResult(result)))
        .build();
  }

  private static void runsTheScriptedItem(Function<MessageCreateParams, Message> create) {
    Message toolTurn = create.apply(ask().build());
    assertThat(toolTurn.stopReason()).contains(StopReason.TOOL_USE);
    ToolUseBlock call = toolTurn.content().get(0).asToolUse();
    assertThat(call.name()).isEqualTo("get_order");
    assertThat(call.id()).startsWith("toolu_");
    assertThat(call._input().convert(Map.class)).isEqualTo(Map.of("order_id", "42"));
    assertThat(toolTurn.usage().inputTokens()).isPositive();

    Message answer = create.apply(answerWith(toolTurn, call));

    assertThat(answer.stopReason()).contains(StopReason.END_TURN);
    assertThat(answer.content())
        .singleElement()
        .extracting(b -> b.asText().text())
        .isEqualTo(ANSWER);
    assertThat(answer.usage().outputTokens()).isPositive();
    assertThat(answer.id()).startsWith("msg_");
    assertThat(answer.model().asString()).isEqualTo(CLAUDE);
  }

  @Test
  void toolUseThenToolResultThenFinalAnswer() {
    try (FaultPlane plane = start(scenario())) {
      AnthropicClient client = sdk(plane);
      runsTheScriptedItem(params -> client.messages().create(params));
    }
  }

  @Test
  void streamedToolUseAndAnswerAccumulateToTheSameMessages() {
    try (FaultPlane plane = start(scenario())) {
      AnthropicClient client = sdk(plane);
      runsTheScriptedItem(
          params -> {
            MessageAccumulator accumulator = MessageAccumulator.create();
            try (StreamResponse<RawMessageStreamEvent> stream =
                client.messages().createStreaming(params)) {
              stream.stream().forEach(accumulator::accumulate);
            }
            return accumulator.message();
          });
    }
  }

  @Test
  void streamSendsAnthropicsEventSequence() {
    try (FaultPlane plane = start(scenario())) {
      URI messages = URI.create(plane.providerBaseUrl("claude") + "/messages");
      String body =
          "{\"model\":\""
              + CLAUDE
              + "\",\"max_tokens\":100,\"stream\":true,"
              + "\"messages\":[{\"role\":\"user\",\"content\":\"Say hello\"}]}";
      HttpResponse<String> response = Http.post(messages, body, "task-1");

      assertThat(response.headers().firstValue("content-type"))
          .get()
          .asString()
          .startsWith("text/event-stream");
      assertThat(response.headers().firstValue("request-id")).get().asString().startsWith("req_");
      List<String> events = Http.eventTypes(response.body());
      assertThat(events)
          .containsExactly(
              "message_start",
              "content_block_start",
              "ping",
              "content_block_delta",
              "content_block_stop",
              "message_delta",
              "message_stop");
    }
  }

  @Test
  void overloadedOutageSurfacesAsTheSdksOverloadedException() {
    try (FaultPlane plane = start(scenario(outage(529)))) {
      OverloadedException e =
          catchThrowableOfType(
              OverloadedException.class, () -> sdk(plane).messages().create(ask().build()));

      assertThat(e.statusCode()).isEqualTo(529);
      assertThat(e.body().toString()).contains("overloaded_error");
      assertThat(e.headers().values("request-id")).singleElement().asString().startsWith("req_");
    }
  }

  @Test
  void serverErrorOutageSurfacesAsInternalServerException() {
    try (FaultPlane plane = start(scenario(outage(500)))) {
      InternalServerException e =
          catchThrowableOfType(
              InternalServerException.class, () -> sdk(plane).messages().create(ask().build()));

      assertThat(e.statusCode()).isEqualTo(500);
      assertThat(e.body().toString()).contains("api_error");
    }
  }

  @Test
  void rateLimitSurfacesAsRateLimitExceptionWithAnthropicHeaders() {
    FaultSpec limit =
        new FaultSpec(
            "throttle",
            new Window(Duration.ZERO, Duration.ofHours(1)),
            1.0,
            "claude",
            null,
            new Fault.RateLimit(Duration.ofMillis(1500)));
    try (FaultPlane plane = start(scenario(limit))) {
      RateLimitException e =
          catchThrowableOfType(
              RateLimitException.class, () -> sdk(plane).messages().create(ask().build()));

      assertThat(e.statusCode()).isEqualTo(429);
      assertThat(e.body().toString()).contains("rate_limit_error");
      assertThat(e.headers().values("retry-after")).containsExactly("2");
      assertThat(e.headers().values("anthropic-ratelimit-requests-remaining")).containsExactly("0");
      assertThat(Instant.parse(e.headers().values("anthropic-ratelimit-requests-reset").get(0)))
          .isAfter(Instant.now().minusSeconds(5));
      assertThat(e.headers().values("anthropic-ratelimit-tokens-limit"))
          .singleElement()
          .isNotNull();
    }
  }

  @Test
  void everyCallIsInTheLedgerWithTokensCostTaskAndFault() {
    try (FaultPlane plane =
        start(
            scenario(
                new FaultSpec(
                    "half",
                    new Window(Duration.ZERO, Duration.ofHours(1)),
                    0.5,
                    "claude",
                    null,
                    new Fault.Outage(529))))) {
      URI messages = URI.create(plane.providerBaseUrl("claude") + "/messages");
      String body =
          "{\"model\":\""
              + CLAUDE
              + "\",\"max_tokens\":100,"
              + "\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Say hello\"}]}]}";
      for (int i = 0; i < 20; i++) {
        Http.post(messages, body, "task-" + i);
      }
    }
    List<LedgerEntry> entries = JsonLines.readAll(run.ledger(), LedgerEntry.class);
    assertThat(entries)
        .hasSize(20)
        .allSatisfy(
            e -> {
              assertThat(e.provider()).isEqualTo("claude");
              assertThat(e.taskId()).startsWith("task-");
              assertThat(e.itemId()).isEqualTo("h-1");
            });
    assertThat(entries)
        .filteredOn(e -> e.status() == 529)
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.fault()).isEqualTo("half"));
    assertThat(entries)
        .filteredOn(e -> e.status() == 200)
        .isNotEmpty()
        .allSatisfy(
            e -> {
              assertThat(e.inputTokens()).isPositive();
              assertThat(e.outputTokens()).isPositive();
              assertThat(e.costUsd()).isPositive();
            });
  }

  @Test
  void badBodiesAndUnknownRoutesGetAnthropicErrors() {
    try (FaultPlane plane = start(scenario())) {
      String base = plane.providerBaseUrl("claude").toString();
      HttpResponse<String> noMaxTokens =
          Http.post(
              URI.create(base + "/messages"),
              "{\"model\":\""
                  + CLAUDE
                  + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
              null);
      HttpResponse<String> unknown = Http.get(URI.create(base + "/complete"));

      assertThat(noMaxTokens.statusCode()).isEqualTo(400);
      assertThat(Fixtures.json(noMaxTokens.body()).at("/error/type").asText())
          .isEqualTo("invalid_request_error");
      assertThat(Fixtures.json(noMaxTokens.body()).at("/error/message").asText())
          .isEqualTo("max_tokens: Field required");
      assertThat(unknown.statusCode()).isEqualTo(404);
      assertThat(Fixtures.json(unknown.body()).at("/error/type").asText())
          .isEqualTo("not_found_error");
      assertThat(unknown.headers().firstValue("request-id")).isPresent();
    }
  }

  @Test
  void modelsAreListedInAnthropicsShape() {
    try (FaultPlane plane = start(scenario())) {
      var page = sdk(plane).models().list();
      assertThat(page.data()).extracting(m -> m.id()).containsExactly(CLAUDE, Fixtures.MODEL);
    }
  }

  private static FaultSpec outage(int status) {
    return new FaultSpec(
        "down",
        new Window(Duration.ZERO, Duration.ofHours(1)),
        1.0,
        "claude",
        null,
        new Fault.Outage(status));
  }
}
