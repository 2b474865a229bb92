package dev.gauntlet.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.core.http.StreamResponse;
import com.openai.helpers.ResponseAccumulator;
import com.openai.models.responses.EasyInputMessage;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseFunctionToolCall;
import com.openai.models.responses.ResponseInputItem;
import com.openai.models.responses.ResponseOutputItem;
import com.openai.models.responses.ResponseStatus;
import com.openai.models.responses.ResponseStreamEvent;
import dev.gauntlet.run.LedgerEntry;
import dev.gauntlet.scenario.Fault;
import dev.gauntlet.scenario.Fault.HallucinatedTool.Variant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Faults that rewrite the model's turn, as the official OpenAI Java SDK sees them on the Responses API. */
class ResponsesTurnFaultTest {

  private static final Fault FINISH_LENGTH =
      new Fault.MalformedOutput(Fault.MalformedOutput.Variant.FINISH_LENGTH);

  @TempDir Path dir;

  @Test
  void finishLengthIsAnIncompleteResponseForMaxOutputTokens() {
    try (LlmFaults faults = new LlmFaults(dir, FINISH_LENGTH)) {
      Response response =
          faults.sdk.responses().create(LlmFaults.askResponses().input(LlmFaults.INPUT).build());

      assertThat(response.status()).contains(ResponseStatus.INCOMPLETE);
      assertThat(response.incompleteDetails().orElseThrow().reason())
          .contains(Response.IncompleteDetails.Reason.MAX_OUTPUT_TOKENS);
      String arguments = response.output().get(0).asFunctionCall().arguments();
      assertThat(arguments)
          .as("the call's arguments are cut")
          .startsWith("{\"order_id\"")
          .doesNotEndWith("}");
    }
  }

  @Test
  void finishLengthStreamEndsWithResponseIncomplete() {
    try (LlmFaults faults = new LlmFaults(dir, FINISH_LENGTH)) {
      ResponseAccumulator accumulator = ResponseAccumulator.create();
      List<ResponseStreamEvent> events = new ArrayList<>();
      try (StreamResponse<ResponseStreamEvent> stream =
          faults
              .sdk
              .responses()
              .createStreaming(LlmFaults.askResponses().input(LlmFaults.INPUT).build())) {
        stream.stream()
            .forEach(
                event -> {
                  events.add(event);
                  accumulator.accumulate(event);
                });
      }

      assertThat(events.get(events.size() - 1).isIncomplete()).isTrue();
      assertThat(accumulator.response().status()).contains(ResponseStatus.INCOMPLETE);
    }
  }

  @Test
  void refusalIsARefusalContentPart() {
    try (LlmFaults faults =
        new LlmFaults(dir, new Fault.MalformedOutput(Fault.MalformedOutput.Variant.REFUSAL))) {
      Response response =
          faults.sdk.responses().create(LlmFaults.askResponses().input(LlmFaults.INPUT).build());

      assertThat(response.output())
          .singleElement()
          .satisfies(
              item ->
                  assertThat(item.asMessage().content())
                      .singleElement()
                      .satisfies(
                          part -> assertThat(part.asRefusal().refusal()).contains("can't help")));
    }
  }

  @Test
  void hallucinatedUnknownToolIsAFunctionCallOfANameNotOffered() {
    try (LlmFaults faults = new LlmFaults(dir, new Fault.HallucinatedTool(Variant.UNKNOWN_TOOL))) {
      Response response =
          faults.sdk.responses().create(LlmFaults.askResponses().input(LlmFaults.INPUT).build());

      assertThat(response.output())
          .singleElement()
          .satisfies(
              item ->
                  assertThat(item.asFunctionCall().name()).isNotIn("get_order", "issue_refund"));
    }
  }

  @Test
  void runawayLoopCallsARealToolOnEveryTurnAndNeverAnswers() {
    try (LlmFaults faults = new LlmFaults(dir, new Fault.RunawayLoop())) {
      List<ResponseInputItem> input =
          new ArrayList<>(
              List.of(
                  ResponseInputItem.ofEasyInputMessage(
                      EasyInputMessage.builder()
                          .role(EasyInputMessage.Role.USER)
                          .content(LlmFaults.INPUT)
                          .build())));
      for (int turn = 0; turn < 5; turn++) {
        Response response =
            faults.sdk.responses().create(LlmFaults.askResponses().inputOfResponse(input).build());

        assertThat(response.output())
            .as("turn %d", turn)
            .isNotEmpty()
            .allMatch(ResponseOutputItem::isFunctionCall);
        ResponseFunctionToolCall call = response.output().get(0).asFunctionCall();
        assertThat(call.name()).isIn("get_order", "issue_refund");
        input.add(ResponseInputItem.ofFunctionCall(call));
        input.add(
            ResponseInputItem.ofFunctionCallOutput(
                ResponseInputItem.FunctionCallOutput.builder()
                    .callId(call.callId())
                    .output("{\"status\":\"refunded\"}")
                    .build()));
      }

      assertThat(faults.ledger())
          .hasSize(5)
          .allSatisfy(e -> assertThat(e.fault()).isEqualTo("the-fault"))
          .extracting(LedgerEntry::callIndex)
          .containsExactly(0, 1, 2, 3, 4);
    }
  }
}
