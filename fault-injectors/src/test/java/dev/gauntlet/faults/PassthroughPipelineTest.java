package dev.gauntlet.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import dev.gauntlet.faults.internal.provider.ProviderCalls;
import dev.gauntlet.run.JsonLines;
import dev.gauntlet.run.LedgerEntry;
import dev.gauntlet.run.RunDirectory;
import dev.gauntlet.run.TaskCorrelation;
import dev.gauntlet.scenario.Evaluation;
import dev.gauntlet.scenario.Fault;
import dev.gauntlet.scenario.FaultPlaneSpec;
import dev.gauntlet.scenario.FaultSpec;
import dev.gauntlet.scenario.Provider;
import dev.gauntlet.scenario.Scenario;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pass-through calls joined and numbered by the scripted providers' pipeline: a task that uses a pass-through and a
 * scripted provider gets one numbering, and a conversation joins the dataset item it matches.
 */
class PassthroughPipelineTest {

  @TempDir Path dir;

  private FaultPlane upstream;

  @BeforeEach
  void startUpstream() {
    upstream = PassthroughRig.upstream(dir.resolve("upstream"));
  }

  @AfterEach
  void stopUpstream() {
    upstream.close();
  }

  /** {@code primary} passes through to the upstream, {@code backup} is scripted. */
  private Scenario mixed(FaultSpec... faults) {
    return new Scenario(
        "mixed",
        3,
        null,
        "refunds",
        List.of(
            PassthroughRig.forwardingTo(upstream, "openai", null),
            new Provider("backup", "openai", Fixtures.MODEL)),
        Map.of(Fixtures.MODEL, Fixtures.PRICE),
        null,
        List.of(faults),
        List.of(),
        Evaluation.defaults(),
        FaultPlaneSpec.anyPorts(),
        null);
  }

  private FaultPlane start(Scenario scenario) {
    FaultPlane plane =
        FaultPlane.start(
            scenario,
            LlmFaults.dataset(),
            RunDirectory.create(dir.resolve("run")),
            Clock.systemUTC());
    plane.startTimeline();
    return plane;
  }

  private List<LedgerEntry> ledger() {
    return JsonLines.readAll(dir.resolve("run").resolve("ledger.jsonl"), LedgerEntry.class);
  }

  private static OpenAIClient openAi(
      FaultPlane plane, String provider, Map<String, String> headers) {
    OpenAIOkHttpClient.Builder builder =
        OpenAIOkHttpClient.builder()
            .baseUrl(plane.providerBaseUrl(provider).toString())
            .apiKey("x")
            .maxRetries(0);
    headers.forEach(builder::putHeader);
    return builder.build();
  }

  @Test
  void aTaskUsingAPassThroughAndAScriptedProviderIsNumberedOnce() {
    Map<String, String> task = Map.of(ProviderCalls.TASK_HEADER, "task-9");
    try (FaultPlane plane = start(mixed())) {
      OpenAIClient primary = openAi(plane, "primary", task);
      OpenAIClient backup = openAi(plane, "backup", task);
      String base = plane.providerBaseUrl("primary").toString();
      AnthropicClient anthropic =
          AnthropicOkHttpClient.builder()
              .baseUrl(base.substring(0, base.length() - "/v1".length()))
              .apiKey("x")
              .maxRetries(0)
              .putHeader(ProviderCalls.TASK_HEADER, "task-9")
              .build();

      primary.chat().completions().create(LlmFaults.ask().build());
      backup.chat().completions().create(LlmFaults.ask().build());
      anthropic.messages().create(LlmFaults.askAnthropic().build());
      backup.chat().completions().create(LlmFaults.ask().build());
      List.of(primary, backup).forEach(OpenAIClient::close);
      anthropic.close();
    }

    assertThat(ledger())
        .as("one numbering for the task, whichever provider and mode")
        .hasSize(4)
        .allSatisfy(e -> assertThat(e.taskId()).isEqualTo("task-9"))
        .extracting(LedgerEntry::provider, LedgerEntry::callIndex)
        .containsExactlyInAnyOrder(
            tuple("primary", 0), tuple("backup", 1), tuple("primary", 2), tuple("backup", 3));
  }

  @Test
  void aPassThroughConversationJoinsTheItemItMatchesAndTheTaskItsTraceparentNames() {
    try (FaultPlane plane = start(mixed())) {
      OpenAIClient byItem = openAi(plane, "primary", Map.of());
      OpenAIClient byTrace =
          openAi(
              plane,
              "primary",
              Map.of(
                  TaskCorrelation.TRACEPARENT,
                  TaskCorrelation.traceparent("task-5").orElseThrow()));
      byItem.chat().completions().create(LlmFaults.ask().build());
      byTrace.chat().completions().create(LlmFaults.ask().build());
      List.of(byItem, byTrace).forEach(OpenAIClient::close);
    }

    assertThat(ledger())
        .extracting(LedgerEntry::taskId, LedgerEntry::itemId, LedgerEntry::callIndex)
        .containsExactlyInAnyOrder(tuple(null, "r-1", 0), tuple("task-5", "r-1", 0));
  }

  @Test
  void runawayLoopOnAPassThroughAnswerCallsTheMatchedItemsTool() {
    FaultSpec loop = PassthroughRig.always(new Fault.RunawayLoop());
    ChatCompletionMessageFunctionToolCall call;
    try (FaultPlane plane = start(mixed(loop))) {
      OpenAIClient client = openAi(plane, "primary", Map.of());
      call =
          client
              .chat()
              .completions()
              .create(LlmFaults.afterToolResult(LlmFaults.scriptedFirstTurn()).build())
              .choices()
              .get(0)
              .message()
              .toolCalls()
              .orElseThrow()
              .get(0)
              .asFunction();
      client.close();
    }

    assertThat(call.function().name())
        .as("the item's last scripted call, not the first tool offered")
        .isEqualTo("issue_refund");
    assertThat(Fixtures.json(call.function().arguments()))
        .isEqualTo(Fixtures.json("{\"order_id\":\"A1\",\"amount_cents\":1500}"));
    assertThat(ledger())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.itemId()).isEqualTo("r-1");
              assertThat(e.fault()).isEqualTo("the-fault");
            });
  }
}
