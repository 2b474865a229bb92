package dev.gauntlet.faults.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OpenAiErrorsTest {

  @Test
  void retryAfterRoundsUpToWholeSeconds() {
    assertThat(OpenAiErrors.rateLimited(Duration.ofMillis(1001)).headers())
        .containsEntry("retry-after", "2")
        .containsEntry("retry-after-ms", "1001")
        .containsEntry("x-ratelimit-reset-requests", "2s");
  }

  @Test
  void errorBodyHasOpenAisShape() {
    assertThat(OpenAiErrors.serverError(502).body())
        .isEqualTo(
            "{\"error\":{\"message\":\"The server had an error while processing your request. Sorry about"
                + " that!\",\"type\":\"server_error\",\"param\":null,\"code\":null}}");
  }
}
