package dev.gauntlet.engine.internal;

import dev.gauntlet.faults.StreamPacing;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The console line on how exactly the provider mock kept the pace of its streams (a latency fault on streaming
 * calls): how late it wrote their events on its own clock, an error every time to first token and token gap measured
 * through it carries, with a warning when that is large enough to change a figure. Stateless.
 */
final class PacingLine {

  /**
   * Pacing error (p99, ms) past which the line warns: the console and summary show latencies to 10 ms, so a smaller
   * error changes no figure anyone reads.
   */
  static final int SLOW_PACE_MS = 10;

  private PacingLine() {}

  /** The line, without a prefix; empty when no stream was paced. */
  static Optional<String> of(StreamPacing pacing) {
    return pacing.events() == 0
        ? Optional.empty()
        : Optional.of(line(pacing.events(), pacing.percentile(0.99)));
  }

  /** The line for {@code events} written with a p99 lateness of {@code p99}. */
  static String line(long events, Duration p99) {
    double ms = p99.toNanos() / 1e6;
    return String.format(
        Locale.ROOT,
        "the provider mock wrote %d paced stream events, p99 %.2f ms after they were " + "due%s",
        events,
        ms,
        ms <= SLOW_PACE_MS
            ? ""
            : " (over "
                + SLOW_PACE_MS
                + " ms: the machine was too busy "
                + "to keep the configured pace, and latencies measured through the mock carry that error)");
  }
}
