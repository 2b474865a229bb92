package dev.gauntlet.faults;

import static dev.gauntlet.faults.Fixtures.MODEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.openai.client.OpenAIClient;
import com.openai.errors.NotFoundException;
import com.openai.errors.RateLimitException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionMessage;
import dev.gauntlet.scenario.Provider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Record through pass-through, then replay with the upstream gone. */
class ReplayTest {

  @TempDir Path dir;

  private record Answers(List<ChatCompletionMessage> turns, ChatCompletion streamed) {}

  private static Answers converse(FaultPlane plane) {
    OpenAIClient client = PassthroughRig.sdk(plane);
    return new Answers(
        PassthroughRig.toolCallThenAnswer(client), PassthroughRig.streamedHello(client));
  }

  private Path record() {
    Path fixtures = dir.resolve("fixtures");
    try (FaultPlane upstream = PassthroughRig.start(Fixtures.scenario(7), dir.resolve("upstream"));
        FaultPlane recording =
            PassthroughRig.start(
                PassthroughRig.scenario(
                    Provider.passthrough(
                        "primary",
                        "openai",
                        MODEL,
                        upstream.providerBaseUrl("primary"),
                        null,
                        fixtures)),
                dir.resolve("record"))) {
      converse(recording);
    }
    return fixtures;
  }

  private static Provider replaying(Path fixtures) {
    return Provider.replay("primary", "openai", MODEL, fixtures);
  }

  @Test
  void recordThenReplayGivesTheSameAnswersWithTheUpstreamStopped() throws IOException {
    Path fixtures = dir.resolve("fixtures");
    Answers recorded;
    try (FaultPlane upstream = PassthroughRig.start(Fixtures.scenario(7), dir.resolve("upstream"));
        FaultPlane recording =
            PassthroughRig.start(
                PassthroughRig.scenario(
                    Provider.passthrough(
                        "primary",
                        "openai",
                        MODEL,
                        upstream.providerBaseUrl("primary"),
                        null,
                        fixtures)),
                dir.resolve("record"))) {
      recorded = converse(recording);
    }
    try (Stream<Path> files = Files.list(fixtures)) {
      assertThat(files).as("one fixture per distinct request").hasSize(3);
    }

    Path run = dir.resolve("replay");
    try (FaultPlane replay =
        PassthroughRig.start(PassthroughRig.scenario(replaying(fixtures)), run)) {
      Answers replayed = converse(replay);

      assertThat(replayed.turns()).isEqualTo(recorded.turns());
      assertThat(replayed.streamed().choices().get(0).message().content())
          .isEqualTo(recorded.streamed().choices().get(0).message().content());
      assertThat(replayed.streamed().usage()).isEqualTo(recorded.streamed().usage());
    }
  }

  @Test
  void replayMissIsA404NamingTheRequestKeyAndTheFolder() {
    Path fixtures = record();
    Path run = dir.resolve("replay");
    try (FaultPlane replay =
        PassthroughRig.start(PassthroughRig.scenario(replaying(fixtures)), run)) {
      OpenAIClient client = PassthroughRig.sdk(replay);
      NotFoundException e =
          catchThrowableOfType(
              NotFoundException.class,
              () ->
                  client.chat().completions().create(PassthroughRig.ask("Never recorded").build()));

      assertThat(e.statusCode()).isEqualTo(404);
      assertThat(e.getMessage())
          .containsPattern("request key [0-9a-f]{32}")
          .contains(fixtures.toString());
    }
  }

  @Test
  void faultsStillApplyInReplay() {
    Path fixtures = record();
    Provider provider = replaying(fixtures);
    try (FaultPlane replay =
        PassthroughRig.start(
            PassthroughRig.scenario(
                provider, Fixtures.rateLimit("throttle", 1.0, Duration.ofSeconds(2))),
            dir.resolve("replay"))) {
      OpenAIClient client = PassthroughRig.sdk(replay);
      RateLimitException e =
          catchThrowableOfType(
              RateLimitException.class,
              () -> client.chat().completions().create(PassthroughRig.ask("Say hello").build()));

      assertThat(e.headers().values("retry-after")).containsExactly("2");
    }
  }
}
