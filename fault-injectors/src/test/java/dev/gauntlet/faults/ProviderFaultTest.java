package dev.gauntlet.faults;

import static dev.gauntlet.faults.Fixtures.INPUT;
import static dev.gauntlet.faults.Fixtures.MODEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.InternalServerException;
import com.openai.errors.RateLimitException;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.gauntlet.run.RunDirectory;
import dev.gauntlet.scenario.FaultSpec;
import dev.gauntlet.scenario.Scenario;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderFaultTest {

  @TempDir Path dir;

  private static final ChatCompletionCreateParams ASK =
      ChatCompletionCreateParams.builder().model(MODEL).addUserMessage(INPUT).build();

  private FaultPlane startWithTimeline(Scenario scenario, String runName) {
    FaultPlane plane =
        FaultPlane.start(
            scenario,
            Fixtures.dataset(),
            RunDirectory.create(dir.resolve(runName)),
            Clock.systemUTC());
    plane.startTimeline();
    return plane;
  }

  private static OpenAIClient sdk(FaultPlane plane, String provider) {
    return OpenAIOkHttpClient.builder()
        .baseUrl(plane.providerBaseUrl(provider).toString())
        .apiKey("x")
        .maxRetries(0)
        .build();
  }

  @Test
  void outageSurfacesAsTheSdksServerException() {
    Scenario scenario =
        Fixtures.scenario(1, Fixtures.outage("down", Duration.ZERO, Duration.ofHours(1), 1.0, 503));
    try (FaultPlane plane = startWithTimeline(scenario, "outage")) {
      OpenAIClient client = sdk(plane, "primary");
      InternalServerException e =
          catchThrowableOfType(
              InternalServerException.class, () -> client.chat().completions().create(ASK));

      assertThat(e.statusCode()).isEqualTo(503);
      assertThat(e.type()).contains("server_error");
      assertThat(e.headers().values("x-request-id")).singleElement().asString().startsWith("req_");
      assertThat(sdk(plane, "backup").chat().completions().create(ASK).choices())
          .as("the outage targets primary only")
          .hasSize(1);
    }
  }

  @Test
  void rateLimitSurfacesAsRateLimitExceptionWithRetryAfter() {
    Scenario scenario =
        Fixtures.scenario(1, Fixtures.rateLimit("throttle", 1.0, Duration.ofMillis(1500)));
    try (FaultPlane plane = startWithTimeline(scenario, "rate")) {
      RateLimitException e =
          catchThrowableOfType(
              RateLimitException.class,
              () -> sdk(plane, "primary").chat().completions().create(ASK));

      assertThat(e.statusCode()).isEqualTo(429);
      assertThat(e.code()).contains("rate_limit_exceeded");
      assertThat(e.headers().values("retry-after")).containsExactly("2");
      assertThat(e.headers().values("retry-after-ms")).containsExactly("1500");
      assertThat(e.headers().values("x-ratelimit-remaining-requests")).containsExactly("0");
    }
  }

  @Test
  void faultsStayOffUntilTheTimelineStarts() {
    Scenario scenario =
        Fixtures.scenario(1, Fixtures.rateLimit("throttle", 1.0, Duration.ofSeconds(1)));
    try (FaultPlane plane =
        FaultPlane.start(
            scenario, Fixtures.dataset(), RunDirectory.create(dir), Clock.systemUTC())) {
      assertThat(sdk(plane, "primary").chat().completions().create(ASK).choices()).hasSize(1);
    }
  }

  @Test
  void halfProbabilityHitsAboutHalfTheCallsAndTheSameSeedRepeatsEveryDecision() {
    List<Integer> first = statuses(Fixtures.scenario(42, half()), "first");
    List<Integer> rerun = statuses(Fixtures.scenario(42, half()), "rerun");
    List<Integer> otherSeed = statuses(Fixtures.scenario(43, half()), "other");

    assertThat(first.stream().filter(s -> s == 429).count()).isBetween(80L, 120L);
    assertThat(rerun).as("same seed, same decisions").isEqualTo(first);
    assertThat(otherSeed).as("another seed decides differently").isNotEqualTo(first);
  }

  private static FaultSpec half() {
    return Fixtures.rateLimit("coin", 0.5, Duration.ofSeconds(1));
  }

  /** Statuses of 200 calls: 100 tasks, two calls each. */
  private List<Integer> statuses(Scenario scenario, String runName) {
    List<Integer> statuses = new ArrayList<>();
    try (FaultPlane plane = startWithTimeline(scenario, runName)) {
      URI chat = URI.create(plane.providerBaseUrl("primary") + "/chat/completions");
      String body =
          "{\"model\":\""
              + MODEL
              + "\",\"messages\":[{\"role\":\"user\",\"content\":\""
              + INPUT
              + "\"}]}";
      for (int task = 0; task < 100; task++) {
        for (int call = 0; call < 2; call++) {
          statuses.add(Http.post(chat, body, "task-" + task).statusCode());
        }
      }
    }
    return statuses;
  }
}
