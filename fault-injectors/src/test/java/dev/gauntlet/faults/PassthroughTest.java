package dev.gauntlet.faults;

import static dev.gauntlet.faults.Fixtures.ANSWER;
import static dev.gauntlet.faults.Fixtures.MODEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.openai.client.OpenAIClient;
import com.openai.errors.InternalServerException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionMessage;
import dev.gauntlet.run.JsonLines;
import dev.gauntlet.run.LedgerEntry;
import dev.gauntlet.scenario.FaultSpec;
import dev.gauntlet.scenario.Provider;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pass-through against a stand-in for the real provider: a second, scripted fault plane on loopback. */
class PassthroughTest {

  @TempDir Path dir;

  private FaultPlane upstream;

  @BeforeEach
  void startUpstream() {
    upstream = PassthroughRig.start(Fixtures.scenario(7), dir.resolve("upstream"));
  }

  @AfterEach
  void stopUpstream() {
    upstream.close();
  }

  private Provider forwarding() {
    return Provider.passthrough(
        "primary", "openai", MODEL, upstream.providerBaseUrl("primary"), null, null);
  }

  private List<LedgerEntry> ledger(String run) {
    return JsonLines.readAll(dir.resolve(run).resolve("ledger.jsonl"), LedgerEntry.class);
  }

  @Test
  void passThroughRoundTripCallsTheToolThenAnswers() {
    try (FaultPlane plane =
        PassthroughRig.start(PassthroughRig.scenario(forwarding()), dir.resolve("pt"))) {
      OpenAIClient client = PassthroughRig.sdk(plane);
      List<ChatCompletionMessage> turns = PassthroughRig.toolCallThenAnswer(client);

      assertThat(turns.get(0).toolCalls().orElseThrow().get(0).asFunction().function().name())
          .isEqualTo("get_order");
      assertThat(turns.get(1).content()).contains(ANSWER);
    }
    assertThat(ledger("pt"))
        .as("one ledger line per call, tokens from the upstream's usage")
        .hasSize(2)
        .allSatisfy(
            e -> {
              assertThat(e.provider()).isEqualTo("primary");
              assertThat(e.model()).isEqualTo(MODEL);
              assertThat(e.status()).isEqualTo(200);
              assertThat(e.inputTokens()).isPositive();
              assertThat(e.outputTokens()).isPositive();
              assertThat(e.costUsd()).isPositive();
              assertThat(e.lastByteMs()).isGreaterThanOrEqualTo(e.firstByteMs());
              assertThat(e.pacedLastMs())
                  .as("the upstream's time is not the mock's lateness: no pace")
                  .isNull();
              assertThat(e.queuedMs()).as("but its arrival is known").isNotNull();
            });
  }

  @Test
  void outageIsAppliedOnTheWayAndTheCallNeverReachesTheUpstream() {
    FaultSpec down = Fixtures.outage("down", Duration.ZERO, Duration.ofHours(1), 1.0, 503);
    try (FaultPlane plane =
        PassthroughRig.start(PassthroughRig.scenario(forwarding(), down), dir.resolve("pt"))) {
      OpenAIClient client = PassthroughRig.sdk(plane);
      InternalServerException e =
          catchThrowableOfType(
              InternalServerException.class,
              () -> client.chat().completions().create(PassthroughRig.ask("Say hello").build()));

      assertThat(e.statusCode()).isEqualTo(503);
    }
    upstream.close();
    assertThat(ledger("pt"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.status()).isEqualTo(503);
              assertThat(e.fault()).isEqualTo("down");
            });
    assertThat(ledger("upstream")).as("the fault answered in place of the upstream").isEmpty();
  }

  @Test
  void streamingPassThroughAccumulatesTheSameAnswerAndUsage() {
    try (FaultPlane plane =
        PassthroughRig.start(PassthroughRig.scenario(forwarding()), dir.resolve("pt"))) {
      OpenAIClient client = PassthroughRig.sdk(plane);
      ChatCompletion whole =
          client.chat().completions().create(PassthroughRig.ask("Say hello").build());
      ChatCompletion streamed = PassthroughRig.streamedHello(client);

      assertThat(streamed.choices().get(0).message().content())
          .contains("Hello!")
          .isEqualTo(whole.choices().get(0).message().content());
      assertThat(streamed.usage()).isEqualTo(whole.usage());
    }
    assertThat(ledger("pt"))
        .extracting(LedgerEntry::outputTokens)
        .as("usage read from the stream's last chunk too")
        .allMatch(t -> t > 0);
  }

  @Test
  void unreachableUpstreamIsA502NamingIt() {
    URI nowhere = URI.create("http://127.0.0.1:9/v1");
    Provider provider = Provider.passthrough("primary", "openai", MODEL, nowhere, null, null);
    try (FaultPlane plane =
        PassthroughRig.start(PassthroughRig.scenario(provider), dir.resolve("pt"))) {
      OpenAIClient client = PassthroughRig.sdk(plane);
      InternalServerException e =
          catchThrowableOfType(
              InternalServerException.class,
              () -> client.chat().completions().create(PassthroughRig.ask("Say hello").build()));

      assertThat(e.statusCode()).isEqualTo(502);
      assertThat(e.getMessage()).contains("http://127.0.0.1:9/v1/chat/completions");
    }
  }
}
