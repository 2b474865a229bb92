package dev.gauntlet.agent.internal;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.openai.core.ObjectMappers;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessageParam;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Runs the hot path's serialization offline before the agent reports ready, so that the first
 * seconds of traffic do not pay for class loading and cold code: whole answers, and streamed ones
 * put together from their chunks. No network. Stateless.
 */
public final class Warmup {
  private static final byte[] TOOL_TURN =
      ("{\"id\":\"w\",\"object\":\"chat.completion\",\"created\":0,\"model\":\"w\","
              + "\"choices\":[{\"index\":0,\"finish_reason\":\"tool_calls\",\"message\":{\"role\":\"assistant\",\"content\":null,"
              + "\"tool_calls\":[{\"id\":\"c\",\"type\":\"function\",\"function\":{\"name\":\"t\",\"arguments\":\"{\\\"a\\\":1}\"}}]}}],"
              + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"total_tokens\":2}}")
          .getBytes(StandardCharsets.UTF_8);

  private static final byte[] ANSWER_CHUNK =
      ("{\"id\":\"w\",\"object\":\"chat.completion.chunk\",\"created\":0,"
              + "\"model\":\"w\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"w\"},"
              + "\"finish_reason\":\"stop\"}]}")
          .getBytes(StandardCharsets.UTF_8);

  private Warmup() {}

  public static void run(ToolCatalog catalog, int rounds) {
    JsonMapper sdk = ObjectMappers.jsonMapper();
    try {
      for (int i = 0; i < rounds; i++) {
        ModelTurn turn = ModelTurn.from(sdk.readValue(TOOL_TURN, ChatCompletion.class), "warmup");
        ChatCompletionCreateParams params =
            ChatCompletionCreateParams.builder()
                .model("warmup")
                .addSystemMessage(TaskRunner.SYSTEM_PROMPT)
                .addUserMessage("warm up " + i)
                .addMessage(ChatCompletionMessageParam.ofAssistant(turn.assistantMessage()))
                .addMessage(
                    ChatCompletionToolMessageParam.builder().toolCallId("c").content("{}").build())
                .tools(catalog.functionTools())
                .build();
        sdk.writeValueAsBytes(params._body());
        if (i % 20
            == 0) { // streamed tasks are the fewer, and their path is dearer: a few rounds load it
          ChatCompletionAccumulator streamed = ChatCompletionAccumulator.create();
          streamed.accumulate(sdk.readValue(ANSWER_CHUNK, ChatCompletionChunk.class));
          ModelTurn.from(streamed.chatCompletion(), "warmup");
        }
        TaskRequest.parse(
            "{\"task_id\":\"w\",\"input\":\"w\"}".getBytes(StandardCharsets.UTF_8),
            java.util.Optional.empty(),
            "w");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
