package dev.gauntlet.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The console line on the provider mock's stream pacing: a figure, and a warning only past what the console shows. */
class PacingLineTest {

  @Test
  void aSmallErrorIsReportedWithoutAWarning() {
    assertThat(PacingLine.line(4603, Duration.ofNanos(1_210_000)))
        .isEqualTo(
            "the provider mock wrote 4603 paced stream events, p99 1.21 ms after they were due");
  }

  @Test
  void anErrorPastTenMillisecondsWarnsThatTheLatenciesCarryIt() {
    assertThat(PacingLine.line(10, Duration.ofMillis(10))).doesNotContain("too busy");
    assertThat(PacingLine.line(10, Duration.ofNanos(10_010_000)))
        .endsWith(
            "p99 10.01 ms after they were due (over 10 ms: the machine was too busy to keep the configured "
                + "pace, and latencies measured through the mock carry that error)");
  }
}
