package dev.gauntlet.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import dev.gauntlet.run.LedgerEntry;
import dev.gauntlet.scenario.Fault;
import dev.gauntlet.scenario.Fault.HallucinatedTool.Variant;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each hallucinated-tool variant, as the official OpenAI SDK receives it, and the tool mock's flag. */
class HallucinatedToolTest {

  @TempDir Path dir;

  private ChatCompletionMessageFunctionToolCall firstCall(Variant variant) {
    try (LlmFaults faults = new LlmFaults(dir, new Fault.HallucinatedTool(variant))) {
      ChatCompletion turn = faults.create(LlmFaults.ask());
      assertThat(turn.choices().get(0).finishReason())
          .isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
      return turn.choices().get(0).message().toolCalls().orElseThrow().get(0).asFunction();
    }
  }

  private static JsonNode arguments(ChatCompletionMessageFunctionToolCall call) {
    return Fixtures.json(call.function().arguments());
  }

  @Test
  void unknownToolNamesAToolTheRequestDoesNotOffer() {
    String name = firstCall(Variant.UNKNOWN_TOOL).function().name();
    assertThat(name).isNotIn("get_order", "issue_refund");
  }

  @Test
  void renamedToolIsADeprecatedVariantOfARealName() {
    assertThat(firstCall(Variant.RENAMED_TOOL).function().name())
        .startsWith("issue_refund_")
        .isNotEqualTo("issue_refund");
  }

  @Test
  void missingArgumentDropsARequiredOne() {
    JsonNode args = arguments(firstCall(Variant.MISSING_ARGUMENT));
    assertThat(args.has("order_id") && args.has("amount_cents")).as(args.toString()).isFalse();
  }

  @Test
  void wrongTypeSwapsAStringAndANumber() {
    JsonNode args = arguments(firstCall(Variant.WRONG_TYPE));
    assertThat(args.get("order_id").isTextual() && args.get("amount_cents").isIntegralNumber())
        .as(args.toString())
        .isFalse();
  }

  @Test
  void extraArgumentAddsOneTheSchemaLacks() {
    JsonNode args = arguments(firstCall(Variant.EXTRA_ARGUMENT));
    assertThat(args.size()).isEqualTo(3);
    assertThat(args.get("order_id").asText()).isEqualTo("A1");
  }

  @Test
  void spuriousCallComesOnATurnWhereTheScriptAnswers() {
    try (LlmFaults faults = new LlmFaults(dir, new Fault.HallucinatedTool(Variant.SPURIOUS_CALL))) {
      ChatCompletion first = faults.create(LlmFaults.ask());
      assertThat(first.choices().get(0).message().toolCalls().orElseThrow())
          .as("a call turn is left alone")
          .singleElement()
          .satisfies(c -> assertThat(c.asFunction().id()).isEqualTo("call_r-1_0_0"));

      ChatCompletion answerTurn =
          faults.create(LlmFaults.afterToolResult(first.choices().get(0).message()));

      assertThat(answerTurn.choices().get(0).message().content()).isEmpty();
      assertThat(answerTurn.choices().get(0).message().toolCalls().orElseThrow())
          .singleElement()
          .satisfies(c -> assertThat(c.asFunction().function().name()).isEqualTo("issue_refund"));
    }
  }

  @Test
  void toolMockFlagsUnknownToolsAndArgumentsThatBreakTheSchema() {
    LlmFaults faults = new LlmFaults(dir, new Fault.HallucinatedTool(Variant.UNKNOWN_TOOL));
    URI tools = faults.plane.toolsBaseUrl();
    faults.create(LlmFaults.ask());
    Http.post(
        URI.create(tools + "/tools/issue_refund"),
        "{\"order_id\":\"A1\",\"amount_cents\":1500}",
        "t");
    Http.post(URI.create(tools + "/tools/issue_refund"), "{\"order_id\":\"A1\"}", "t");
    Http.post(
        URI.create(tools + "/tools/issue_refund"),
        "{\"order_id\":\"A1\",\"amount_cents\":\"1500\"}",
        "t");
    Http.post(
        URI.create(tools + "/tools/issue_refund"),
        "{\"order_id\":\"A1\",\"amount_cents\":1500,\"x\":1}",
        "t");
    Http.post(URI.create(tools + "/tools/issue_refund"), "{\"order_id\":", "t");
    Http.post(
        URI.create(tools + "/tools/issue_refund_v1"),
        "{\"order_id\":\"A1\",\"amount_cents\":1500}",
        "t");

    List<LedgerEntry> ledger = faults.ledger();

    assertThat(
            ledger.stream()
                .filter(e -> e.kind().equals(LedgerEntry.TOOL))
                .map(LedgerEntry::hallucinated))
        .as("valid, missing, wrong type, extra, not JSON, unknown tool")
        .containsExactly(false, true, true, true, true, true);
    assertThat(ledger.stream().filter(e -> e.kind().equals(LedgerEntry.LLM)))
        .singleElement()
        .satisfies(e -> assertThat(e.fault()).isEqualTo("the-fault"))
        .satisfies(e -> assertThat(e.hallucinated()).isTrue());
  }
}
