package dev.gauntlet.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.embeddings.EmbeddingCreateParams;
import dev.gauntlet.faults.internal.provider.ProviderCalls;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One provider mock numbers a task's calls once, whichever wire format each call uses. */
class SharedCallIndexTest {

  @TempDir Path dir;

  @Test
  void aTasksCallsAreNumberedAcrossChatResponsesMessagesAndEmbeddings() {
    RunDirectory run = RunDirectory.create(dir.resolve("run"));
    try (FaultPlane plane =
        FaultPlane.start(Fixtures.scenario(5), LlmFaults.dataset(), run, Clock.systemUTC())) {
      String base = plane.providerBaseUrl("primary").toString();
      OpenAIClient openAi =
          OpenAIOkHttpClient.builder()
              .baseUrl(base)
              .apiKey("x")
              .maxRetries(0)
              .putHeader(ProviderCalls.TASK_HEADER, "task-7")
              .build();
      AnthropicClient anthropic =
          AnthropicOkHttpClient.builder()
              .baseUrl(base.substring(0, base.length() - "/v1".length()))
              .apiKey("x")
              .maxRetries(0)
              .putHeader(ProviderCalls.TASK_HEADER, "task-7")
              .build();

      openAi.chat().completions().create(LlmFaults.ask().build());
      openAi.responses().create(LlmFaults.askResponses().input(LlmFaults.INPUT).build());
      anthropic.messages().create(LlmFaults.askAnthropic().build());
      openAi
          .embeddings()
          .create(
              EmbeddingCreateParams.builder()
                  .model("text-embedding-3-small")
                  .input(LlmFaults.INPUT)
                  .build());
      openAi.close();
      anthropic.close();
    }

    List<LedgerEntry> ledger = JsonLines.readAll(run.ledger(), LedgerEntry.class);
    assertThat(ledger)
        .as("one line per call, all of task-7")
        .hasSize(4)
        .allSatisfy(e -> assertThat(e.taskId()).isEqualTo("task-7"))
        .extracting(LedgerEntry::callIndex)
        .containsExactlyInAnyOrder(0, 1, 2, 3);
  }

  @Test
  void aFaultKeyedOnTheCallIndexHitsTheSameCallWhateverItsEndpoint() {
    FaultSpec secondCall =
        new FaultSpec(
            "loop",
            new Window(Duration.ZERO, Duration.ofHours(1)),
            1.0,
            "primary",
            null,
            new Fault.RunawayLoop());
    RunDirectory run = RunDirectory.create(dir.resolve("run"));
    try (FaultPlane plane =
        FaultPlane.start(
            Fixtures.scenario(5, secondCall), LlmFaults.dataset(), run, Clock.systemUTC())) {
      plane.startTimeline();
      String base = plane.providerBaseUrl("primary").toString();
      OpenAIClient openAi =
          OpenAIOkHttpClient.builder().baseUrl(base).apiKey("x").maxRetries(0).build();
      AnthropicClient anthropic =
          AnthropicOkHttpClient.builder()
              .baseUrl(base.substring(0, base.length() - "/v1".length()))
              .apiKey("x")
              .maxRetries(0)
              .build();

      openAi.chat().completions().create(LlmFaults.ask().build());
      anthropic.messages().create(LlmFaults.askAnthropic().build());
      openAi.close();
      anthropic.close();
    }

    assertThat(JsonLines.readAll(run.ledger(), LedgerEntry.class))
        .as("both calls match item r-1 and share its numbering")
        .allSatisfy(e -> assertThat(e.itemId()).isEqualTo("r-1"))
        .extracting(LedgerEntry::callIndex, LedgerEntry::fault)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(0, "loop"),
            org.assertj.core.groups.Tuple.tuple(1, "loop"));
  }
}
