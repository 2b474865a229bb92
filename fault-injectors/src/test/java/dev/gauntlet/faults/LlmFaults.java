package dev.gauntlet.faults;

import static dev.gauntlet.faults.Fixtures.json;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.models.messages.MessageCreateParams;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionTool;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import com.openai.models.responses.FunctionTool;
import com.openai.models.responses.ResponseCreateParams;
import dev.gauntlet.dataset.Dataset;
import dev.gauntlet.dataset.Expectation;
import dev.gauntlet.dataset.Fixture;
import dev.gauntlet.dataset.Item;
import dev.gauntlet.dataset.ScriptStep;
import dev.gauntlet.dataset.ToolCall;
import dev.gauntlet.dataset.ToolDef;
import dev.gauntlet.run.JsonLines;
import dev.gauntlet.run.LedgerEntry;
import dev.gauntlet.run.RunDirectory;
import dev.gauntlet.scenario.Fault;
import dev.gauntlet.scenario.FaultSpec;
import dev.gauntlet.scenario.Window;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * A fault plane with one LLM fault on {@code primary} for an hour, a dataset whose tools have strict schemas, and
 * the official OpenAI SDK pointed at it, offering those tools as an agent would.
 */
final class LlmFaults implements AutoCloseable {

  static final String INPUT = "Refund order A1 in full, please.";
  static final String GET_ORDER_SCHEMA =
      "{\"type\":\"object\",\"properties\":{\"order_id\":{\"type\":\"string\"}},"
          + "\"required\":[\"order_id\"],\"additionalProperties\":false}";
  static final String REFUND_SCHEMA =
      "{\"type\":\"object\",\"properties\":{\"order_id\":{\"type\":\"string\"},"
          + "\"amount_cents\":{\"type\":\"integer\"}},\"required\":[\"order_id\",\"amount_cents\"],"
          + "\"additionalProperties\":false}";

  final FaultPlane plane;
  final OpenAIClient sdk;
  private final RunDirectory run;

  LlmFaults(Path dir, Fault fault) {
    this(dir, fault, Clock.systemUTC(), Duration.ofSeconds(30));
  }

  LlmFaults(Path dir, Fault fault, Clock clock, Duration timeout) {
    this(dir, fault, clock, timeout, dataset());
  }

  /** The plane over another dataset, such as one with guarded items. */
  LlmFaults(Path dir, Fault fault, Dataset dataset) {
    this(dir, fault, Clock.systemUTC(), Duration.ofSeconds(30), dataset);
  }

  private LlmFaults(Path dir, Fault fault, Clock clock, Duration timeout, Dataset dataset) {
    FaultSpec spec =
        new FaultSpec(
            "the-fault",
            new Window(Duration.ZERO, Duration.ofHours(1)),
            1.0,
            "primary",
            null,
            fault);
    this.run = RunDirectory.create(dir);
    this.plane = FaultPlane.start(Fixtures.scenario(5, spec), dataset, run, clock);
    plane.startTimeline();
    this.sdk =
        OpenAIOkHttpClient.builder()
            .baseUrl(plane.providerBaseUrl("primary").toString())
            .apiKey("x")
            .maxRetries(0)
            .timeout(timeout)
            .build();
  }

  static Dataset dataset() {
    ToolDef getOrder = new ToolDef("get_order", "Looks up an order", json(GET_ORDER_SCHEMA));
    ToolDef refund = new ToolDef("issue_refund", "Refunds an order", json(REFUND_SCHEMA));
    Item item =
        new Item(
            "r-1",
            INPUT,
            new Expectation.Contains(List.of("refunded")),
            List.of(
                new Fixture(
                    "issue_refund",
                    json("{\"order_id\":\"A1\",\"amount_cents\":1500}"),
                    200,
                    json("{\"status\":\"refunded\"}"))),
            List.of(
                new ScriptStep.CallTools(
                    List.of(
                        new ToolCall(
                            "issue_refund", json("{\"order_id\":\"A1\",\"amount_cents\":1500}")))),
                new ScriptStep.Answer("Order A1 was {{issue_refund.status}}.")),
            List.of(),
            1);
    return new Dataset("refunds", "1", "test", List.of(getOrder, refund), List.of(item), null);
  }

  static ChatCompletionCreateParams.Builder ask() {
    return ChatCompletionCreateParams.builder()
        .model(Fixtures.MODEL)
        .addUserMessage(INPUT)
        .tools(List.of(tool("get_order", GET_ORDER_SCHEMA), tool("issue_refund", REFUND_SCHEMA)));
  }

  static ChatCompletionTool tool(String name, String schema) {
    FunctionParameters.Builder parameters = FunctionParameters.builder();
    json(schema)
        .fields()
        .forEachRemaining(
            e ->
                parameters.putAdditionalProperty(
                    e.getKey(),
                    JsonValue.from(
                        new com.fasterxml.jackson.databind.ObjectMapper()
                            .convertValue(e.getValue(), Object.class))));
    return ChatCompletionTool.ofFunction(
        ChatCompletionFunctionTool.builder()
            .function(
                FunctionDefinition.builder().name(name).parameters(parameters.build()).build())
            .build());
  }

  /** The conversation after a well-formed first turn (the refund call) and its tool result. */
  static ChatCompletionCreateParams.Builder afterToolResult(ChatCompletionMessage firstTurn) {
    String callId = firstTurn.toolCalls().orElseThrow().get(0).asFunction().id();
    return ask()
        .addMessage(firstTurn)
        .addMessage(
            ChatCompletionToolMessageParam.builder()
                .toolCallId(callId)
                .content("{\"status\":\"refunded\"}")
                .build());
  }

  /** The scripted first turn as it is without faults: one {@code issue_refund} call. */
  static ChatCompletionMessage scriptedFirstTurn() {
    return ChatCompletionMessage.builder()
        .content((String) null)
        .refusal((String) null)
        .toolCalls(
            List.of(
                com.openai.models.chat.completions.ChatCompletionMessageToolCall.ofFunction(
                    com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall
                        .builder()
                        .id("call_r-1_0_0")
                        .function(
                            com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall
                                .Function.builder()
                                .name("issue_refund")
                                .arguments("{\"order_id\":\"A1\",\"amount_cents\":1500}")
                                .build())
                        .build())))
        .build();
  }

  /** The official Anthropic SDK pointed at the same provider; it adds {@code /v1/messages} to the base itself. */
  AnthropicClient anthropic() {
    String base = plane.providerBaseUrl("primary").toString();
    return AnthropicOkHttpClient.builder()
        .baseUrl(base.substring(0, base.length() - "/v1".length()))
        .apiKey("test-key")
        .maxRetries(0)
        .build();
  }

  /** The item's first user message, with both tools offered, as an Anthropic client asks. */
  static MessageCreateParams.Builder askAnthropic() {
    return MessageCreateParams.builder()
        .model(Fixtures.MODEL)
        .maxTokens(1024)
        .addUserMessage(INPUT)
        .addTool(anthropicTool("get_order", GET_ORDER_SCHEMA))
        .addTool(anthropicTool("issue_refund", REFUND_SCHEMA));
  }

  private static com.anthropic.models.messages.Tool anthropicTool(String name, String schema) {
    com.anthropic.models.messages.Tool.InputSchema.Builder input =
        com.anthropic.models.messages.Tool.InputSchema.builder()
            .properties(com.anthropic.core.JsonValue.from(plain(json(schema).get("properties"))));
    json(schema).get("required").forEach(r -> input.addRequired(r.asText()));
    return com.anthropic.models.messages.Tool.builder()
        .name(name)
        .inputSchema(input.build())
        .build();
  }

  /** The item's first user message, with both tools offered, as a Responses API client asks. */
  static ResponseCreateParams.Builder askResponses() {
    return ResponseCreateParams.builder()
        .model(Fixtures.MODEL)
        .addTool(responsesTool("get_order", GET_ORDER_SCHEMA))
        .addTool(responsesTool("issue_refund", REFUND_SCHEMA));
  }

  private static FunctionTool responsesTool(String name, String schema) {
    FunctionTool.Parameters.Builder parameters = FunctionTool.Parameters.builder();
    json(schema)
        .fields()
        .forEachRemaining(
            e -> parameters.putAdditionalProperty(e.getKey(), JsonValue.from(plain(e.getValue()))));
    return FunctionTool.builder().name(name).strict(true).parameters(parameters.build()).build();
  }

  private static Object plain(com.fasterxml.jackson.databind.JsonNode node) {
    return new com.fasterxml.jackson.databind.ObjectMapper().convertValue(node, Object.class);
  }

  ChatCompletion create(ChatCompletionCreateParams.Builder params) {
    return sdk.chat().completions().create(params.build());
  }

  /** The ledger, complete once the plane is closed. */
  List<LedgerEntry> ledger() {
    close();
    return JsonLines.readAll(run.ledger(), LedgerEntry.class);
  }

  @Override
  public void close() {
    sdk.close();
    plane.close();
  }
}
