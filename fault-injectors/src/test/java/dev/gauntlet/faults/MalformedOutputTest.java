package dev.gauntlet.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.openai.core.http.StreamResponse;
import com.openai.errors.OpenAIException;
import com.openai.models.ResponseFormatJsonObject;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletion.Choice.FinishReason;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import dev.gauntlet.run.LedgerEntry;
import dev.gauntlet.scenario.Fault;
import dev.gauntlet.scenario.Fault.MalformedOutput.Variant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each malformed-output variant and the runaway loop, as the official OpenAI SDK receives them. */
class MalformedOutputTest {

  private static final String ANSWER = "Order A1 was refunded.";

  @TempDir Path dir;

  private LlmFaults faults(Variant variant) {
    return new LlmFaults(dir, new Fault.MalformedOutput(variant));
  }

  private static ChatCompletion.Choice answerTurn(
      LlmFaults faults, ChatCompletionCreateParams.Builder params) {
    return faults.create(params).choices().get(0);
  }

  private static List<ChatCompletionChunk> stream(
      LlmFaults faults, ChatCompletionCreateParams.Builder params) {
    List<ChatCompletionChunk> chunks = new ArrayList<>();
    try (StreamResponse<ChatCompletionChunk> stream =
        faults.sdk.chat().completions().createStreaming(params.build())) {
      stream.stream().forEach(chunks::add);
    }
    return chunks;
  }

  private static ChatCompletionCreateParams.Builder answering() {
    return LlmFaults.afterToolResult(LlmFaults.scriptedFirstTurn());
  }

  @Test
  void invalidJsonArgumentsAreNotJson() {
    try (LlmFaults faults = faults(Variant.INVALID_JSON_ARGUMENTS)) {
      String arguments =
          answerTurn(faults, LlmFaults.ask())
              .message()
              .toolCalls()
              .orElseThrow()
              .get(0)
              .asFunction()
              .function()
              .arguments();

      assertThat(catchThrowable(() -> Fixtures.json(arguments))).as(arguments).isNotNull();
    }
  }

  @Test
  void invalidJsonContentUnderJsonModeIsNotJsonAndOtherwiseTruncated() {
    try (LlmFaults faults = faults(Variant.INVALID_JSON_CONTENT)) {
      String json =
          answerTurn(faults, answering().responseFormat(ResponseFormatJsonObject.builder().build()))
              .message()
              .content()
              .orElseThrow();
      String text = answerTurn(faults, answering()).message().content().orElseThrow();

      assertThat(json).startsWith("{");
      assertThat(catchThrowable(() -> Fixtures.json(json))).as(json).isNotNull();
      assertThat(ANSWER).startsWith(text).isNotEqualTo(text);
    }
  }

  @Test
  void truncatedStreamEndsBeforeFinishReasonAndDone() {
    try (LlmFaults faults = faults(Variant.TRUNCATED_STREAM)) {
      List<ChatCompletionChunk> chunks = stream(faults, answering());

      assertThat(chunks).isNotEmpty();
      assertThat(chunks)
          .allSatisfy(
              c ->
                  assertThat(c.choices())
                      .allSatisfy(choice -> assertThat(choice.finishReason()).isEmpty()));
    }
  }

  @Test
  void truncatedNonStreamedBodySurfacesAsAnSdkError() {
    try (LlmFaults faults = faults(Variant.TRUNCATED_STREAM)) {
      assertThat(
              catchThrowable(() -> faults.create(answering()).choices().get(0).message().content()))
          .isInstanceOf(OpenAIException.class);
    }
  }

  @Test
  void malformedSseFrameFailsTheStream() {
    try (LlmFaults faults = faults(Variant.MALFORMED_SSE)) {
      assertThat(catchThrowable(() -> stream(faults, answering())))
          .isInstanceOf(OpenAIException.class);
    }
  }

  @Test
  void finishLengthCutsTheAnswerInHalf() {
    try (LlmFaults faults = faults(Variant.FINISH_LENGTH)) {
      ChatCompletion.Choice choice = answerTurn(faults, answering());

      assertThat(choice.finishReason()).isEqualTo(FinishReason.LENGTH);
      assertThat(ANSWER).startsWith(choice.message().content().orElseThrow());
      assertThat(choice.message().content().orElseThrow().length()).isLessThan(ANSWER.length());
    }
  }

  @Test
  void refusalSetsMessageRefusalAndNoContent() {
    try (LlmFaults faults = faults(Variant.REFUSAL)) {
      ChatCompletionMessage message = answerTurn(faults, answering()).message();

      assertThat(message.refusal()).hasValueSatisfying(r -> assertThat(r).contains("can't help"));
      assertThat(message.content()).isEmpty();
      List<ChatCompletionChunk> chunks = stream(faults, answering());
      assertThat(chunks)
          .anySatisfy(c -> assertThat(c.choices().get(0).delta().refusal()).isPresent());
    }
  }

  @Test
  void contentFilterStopsWithFinishReasonContentFilter() {
    try (LlmFaults faults = faults(Variant.CONTENT_FILTER)) {
      assertThat(answerTurn(faults, answering()).finishReason())
          .isEqualTo(FinishReason.CONTENT_FILTER);
    }
  }

  @Test
  void runawayLoopCallsARealToolOnEveryTurnAndNeverAnswers() {
    try (LlmFaults faults = new LlmFaults(dir, new Fault.RunawayLoop())) {
      ChatCompletionCreateParams.Builder conversation = LlmFaults.ask();
      for (int turn = 0; turn < 6; turn++) {
        ChatCompletion.Choice choice = answerTurn(faults, conversation);
        assertThat(choice.finishReason()).as("turn " + turn).isEqualTo(FinishReason.TOOL_CALLS);
        ChatCompletionMessageToolCall call = choice.message().toolCalls().orElseThrow().get(0);
        assertThat(call.asFunction().function().name()).isEqualTo("issue_refund");
        assertThat(
                Fixtures.json(call.asFunction().function().arguments()).get("amount_cents").asInt())
            .isEqualTo(1500);
        conversation
            .addMessage(choice.message())
            .addMessage(
                com.openai.models.chat.completions.ChatCompletionToolMessageParam.builder()
                    .toolCallId(call.asFunction().id())
                    .content("{\"status\":\"refunded\"}")
                    .build());
      }
      assertThat(faults.ledger()).extracting(LedgerEntry::fault).containsOnly("the-fault");
    }
  }
}
