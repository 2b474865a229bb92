package dev.gauntlet.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.client.AnthropicClient;
import com.anthropic.core.JsonValue;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.ToolUseBlock;
import dev.gauntlet.run.LedgerEntry;
import dev.gauntlet.scenario.Fault;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Faults that rewrite the model's turn, as the official Anthropic Java SDK sees them on the Messages API. */
class AnthropicTurnFaultTest {

  @TempDir Path dir;

  private Message first(Fault fault) {
    try (LlmFaults faults = new LlmFaults(dir, fault)) {
      AnthropicClient sdk = faults.anthropic();
      try {
        return sdk.messages().create(LlmFaults.askAnthropic().build());
      } finally {
        sdk.close();
      }
    }
  }

  @Test
  void hallucinatedUnknownToolIsAToolUseOfANameNotOffered() {
    Message message =
        first(new Fault.HallucinatedTool(Fault.HallucinatedTool.Variant.UNKNOWN_TOOL));

    assertThat(message.stopReason()).contains(StopReason.TOOL_USE);
    ToolUseBlock call = message.content().get(0).asToolUse();
    assertThat(call.name()).isNotIn("get_order", "issue_refund");
    assertThat(call.id()).startsWith("toolu_");
  }

  @Test
  void hallucinatedCallIsFlaggedInTheLedgerWithTheFaultsName() {
    try (LlmFaults faults =
        new LlmFaults(dir, new Fault.HallucinatedTool(Fault.HallucinatedTool.Variant.WRONG_TYPE))) {
      AnthropicClient sdk = faults.anthropic();
      Message message = sdk.messages().create(LlmFaults.askAnthropic().build());
      sdk.close();
      @SuppressWarnings("unchecked")
      java.util.Map<String, Object> input =
          message.content().get(0).asToolUse()._input().convert(java.util.Map.class);
      assertThat(
              input.get("order_id") instanceof String
                  && input.get("amount_cents") instanceof Number)
          .as("one argument has the wrong type: %s", input)
          .isFalse();

      assertThat(faults.ledger())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.fault()).isEqualTo("the-fault");
                assertThat(e.hallucinated()).isTrue();
                assertThat(e.status()).isEqualTo(200);
              });
    }
  }

  @Test
  void finishLengthStopsWithMaxTokensAndToolInputThatIsNotAnObject() {
    Message message = first(new Fault.MalformedOutput(Fault.MalformedOutput.Variant.FINISH_LENGTH));

    assertThat(message.stopReason()).contains(StopReason.MAX_TOKENS);
    JsonValue input = message.content().get(0).asToolUse()._input();
    assertThat(input.convert(Object.class))
        .as("cut arguments arrive raw, not as an object")
        .isInstanceOf(String.class);
  }

  @Test
  void refusalStopsWithStopReasonRefusal() {
    Message message = first(new Fault.MalformedOutput(Fault.MalformedOutput.Variant.REFUSAL));

    assertThat(message.stopReason()).contains(StopReason.REFUSAL);
    assertThat(message.content())
        .singleElement()
        .extracting(b -> b.asText().text())
        .asString()
        .contains("can't help");
  }

  @Test
  void invalidJsonArgumentsStreamAsInputJsonDeltasThatDoNotParse() {
    try (LlmFaults faults =
        new LlmFaults(
            dir, new Fault.MalformedOutput(Fault.MalformedOutput.Variant.INVALID_JSON_ARGUMENTS))) {
      AnthropicClient sdk = faults.anthropic();
      StringBuilder partialJson = new StringBuilder();
      try (StreamResponse<RawMessageStreamEvent> stream =
          sdk.messages().createStreaming(LlmFaults.askAnthropic().build())) {
        stream.stream()
            .forEach(
                event ->
                    event
                        .contentBlockDelta()
                        .flatMap(d -> d.delta().inputJson())
                        .ifPresent(d -> partialJson.append(d.partialJson())));
      }
      sdk.close();

      assertThat(partialJson.toString()).startsWith("{\"order_id\"");
      assertThat(isJson(partialJson.toString())).as(partialJson.toString()).isFalse();
    }
  }

  @Test
  void runawayLoopCallsAToolOnEveryTurnThroughTheStreamToo() {
    try (LlmFaults faults = new LlmFaults(dir, new Fault.RunawayLoop())) {
      AnthropicClient sdk = faults.anthropic();
      MessageAccumulator accumulator = MessageAccumulator.create();
      try (StreamResponse<RawMessageStreamEvent> stream =
          sdk.messages().createStreaming(LlmFaults.askAnthropic().build())) {
        stream.stream().forEach(accumulator::accumulate);
      }
      sdk.close();

      Message message = accumulator.message();
      assertThat(message.stopReason()).contains(StopReason.TOOL_USE);
      assertThat(message.content()).allMatch(ContentBlock::isToolUse);
      List<LedgerEntry> ledger = faults.ledger();
      assertThat(ledger).singleElement().extracting(LedgerEntry::fault).isEqualTo("the-fault");
    }
  }

  private static boolean isJson(String text) {
    try {
      new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
