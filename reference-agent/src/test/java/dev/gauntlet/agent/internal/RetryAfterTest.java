package dev.gauntlet.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.core.http.Headers;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void prefersRetryAfterMsOverRetryAfter() {
    Headers headers =
        Headers.builder().put("Retry-After-Ms", "250.5").put("Retry-After", "9").build();

    assertThat(RetryAfter.of(headers, NOW)).contains(Duration.ofNanos(250_500_000));
  }

  @Test
  void readsRetryAfterInSeconds() {
    assertThat(RetryAfter.of(Headers.builder().put("retry-after", "1.5").build(), NOW))
        .contains(Duration.ofMillis(1500));
  }

  @Test
  void readsRetryAfterAsAnHttpDate() {
    Headers headers = Headers.builder().put("retry-after", "Thu, 01 Jan 2026 00:00:01 GMT").build();

    assertThat(RetryAfter.of(headers, NOW)).contains(Duration.ofSeconds(1));
  }

  @Test
  void ignoresValuesItCannotRead() {
    assertThat(RetryAfter.of(Headers.builder().put("retry-after", "soon").build(), NOW)).isEmpty();
    assertThat(RetryAfter.of(Headers.builder().put("retry-after-ms", "-3").build(), NOW)).isEmpty();
    assertThat(RetryAfter.of(Headers.builder().build(), NOW)).isEqualTo(Optional.empty());
  }

  @Test
  void backoffDoublesFromItsStartAndIsCapped() {
    ResiliencePolicy policy = ResiliencePolicy.defaults();

    assertThat(policy.backoff(1)).isEqualTo(Duration.ofMillis(200));
    assertThat(policy.backoff(2)).isEqualTo(Duration.ofMillis(400));
    assertThat(policy.backoff(10)).isEqualTo(Duration.ofSeconds(2));
  }
}
