package dev.gauntlet.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.openai.errors.InternalServerException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.RateLimitException;
import com.openai.models.chat.completions.ChatCompletion;
import dev.gauntlet.run.LedgerEntry;
import dev.gauntlet.scenario.Fault;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outage modes and rate-limit quotas, as the official OpenAI SDK sees them. */
class TransportFaultTest {

  @TempDir Path dir;

  private static Fault.Outage outage(Fault.Outage.Mode mode, Duration hangFor) {
    return new Fault.Outage(503, mode, hangFor);
  }

  @Test
  void statusModeSurfacesAsTheSdksServerException() {
    try (LlmFaults faults = new LlmFaults(dir, new Fault.Outage(529))) {
      InternalServerException e =
          catchThrowableOfType(InternalServerException.class, () -> faults.create(LlmFaults.ask()));
      assertThat(e.statusCode()).isEqualTo(529);
    }
  }

  @Test
  void resetPeerSurfacesAsAnIoException() {
    LlmFaults faults =
        new LlmFaults(dir, outage(Fault.Outage.Mode.RESET, Fault.Outage.DEFAULT_HANG));
    OpenAIIoException e =
        catchThrowableOfType(OpenAIIoException.class, () -> faults.create(LlmFaults.ask()));

    assertThat(e).hasCauseInstanceOf(java.io.IOException.class);
    assertThat(faults.ledger())
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.status()).as("no status was sent").isZero();
              assertThat(entry.fault()).isEqualTo("the-fault");
            });
  }

  @Test
  void emptyResponseSurfacesAsAnIoException() {
    try (LlmFaults faults =
        new LlmFaults(dir, outage(Fault.Outage.Mode.EMPTY, Fault.Outage.DEFAULT_HANG))) {
      OpenAIIoException e =
          catchThrowableOfType(OpenAIIoException.class, () -> faults.create(LlmFaults.ask()));
      assertThat(e).hasCauseInstanceOf(java.io.IOException.class);
    }
  }

  @Test
  void hangSurfacesAsTheClientsTimeout() {
    try (LlmFaults faults =
        new LlmFaults(
            dir,
            outage(Fault.Outage.Mode.HANG, Duration.ofSeconds(20)),
            Clock.systemUTC(),
            Duration.ofMillis(400))) {
      long start = System.nanoTime();
      OpenAIIoException e =
          catchThrowableOfType(OpenAIIoException.class, () -> faults.create(LlmFaults.ask()));

      assertThat(e.getCause()).isInstanceOf(InterruptedIOException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void requestQuotaAdmitsUpToRpmThenRefusesUntilTheWindowFrees() {
    ManualClock clock = new ManualClock();
    try (LlmFaults faults =
        new LlmFaults(
            dir, new Fault.RateLimit(Duration.ofSeconds(1), 3, 0), clock, Duration.ofSeconds(30))) {
      for (int call = 1; call <= 3; call++) {
        var response =
            faults.sdk.chat().completions().withRawResponse().create(LlmFaults.ask().build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().values("x-ratelimit-limit-requests")).containsExactly("3");
        assertThat(response.headers().values("x-ratelimit-remaining-requests"))
            .containsExactly("" + (3 - call));
        assertThat(response.headers().values("x-ratelimit-reset-requests")).containsExactly("1m0s");
        clock.advance(Duration.ofSeconds(10));
      }
      RateLimitException e =
          catchThrowableOfType(RateLimitException.class, () -> faults.create(LlmFaults.ask()));

      assertThat(e.headers().values("retry-after"))
          .as("the first call leaves the window 30 s from now")
          .containsExactly("30");
      assertThat(e.headers().values("retry-after-ms")).containsExactly("30000");
      assertThat(e.headers().values("x-ratelimit-remaining-requests")).containsExactly("0");
      assertThat(e.headers().values("x-ratelimit-reset-requests")).containsExactly("50s");
      assertThat(e.type()).contains("requests");

      clock.advance(Duration.ofSeconds(30));
      assertThat(faults.create(LlmFaults.ask()).choices()).hasSize(1);
    }
  }

  @Test
  void tokenQuotaCountsPromptAndCompletionTokens() {
    ManualClock clock = new ManualClock();
    try (LlmFaults faults =
        new LlmFaults(
            dir,
            new Fault.RateLimit(Duration.ofSeconds(1), 0, 60),
            clock,
            Duration.ofSeconds(30))) {
      var first = faults.sdk.chat().completions().withRawResponse().create(LlmFaults.ask().build());
      ChatCompletion completion = first.parse();
      long used = completion.usage().orElseThrow().promptTokens();
      assertThat(first.headers().values("x-ratelimit-limit-tokens")).containsExactly("60");
      assertThat(first.headers().values("x-ratelimit-remaining-tokens"))
          .containsExactly("" + (60 - used));
      clock.advance(Duration.ofSeconds(1));

      var second =
          faults.sdk.chat().completions().withRawResponse().create(LlmFaults.ask().build());
      long total = completion.usage().orElseThrow().totalTokens();
      assertThat(second.headers().values("x-ratelimit-remaining-tokens"))
          .as("the first call's completion tokens count too")
          .containsExactly("" + (60 - total - used));

      RateLimitException e =
          catchThrowableOfType(RateLimitException.class, () -> faults.create(LlmFaults.ask()));
      assertThat(e.type()).contains("tokens");
      assertThat(e.headers().values("retry-after")).containsExactly("59");
      assertThat(faults.ledger()).extracting(LedgerEntry::status).containsExactly(200, 200, 429);
    }
  }

  /** A clock the test moves by hand. */
  static final class ManualClock extends Clock {
    private final AtomicLong millis =
        new AtomicLong(Instant.parse("2025-01-01T00:00:00Z").toEpochMilli());

    void advance(Duration by) {
      millis.addAndGet(by.toMillis());
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis.get());
    }

    @Override
    public long millis() {
      return millis.get();
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
