package dev.gauntlet.scenario;

import dev.gauntlet.scenario.internal.Values;
import java.time.Duration;
import java.util.Optional;

/**
 * Durations as scenarios write them ({@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}), for command-line options
 * and reports that speak the same language as the scenario files. Stateless and thread-safe.
 */
public final class Durations {

  private Durations() {}

  /** The duration {@code text} denotes, or empty when it is not one. */
  public static Optional<Duration> parse(String text) {
    return Optional.ofNullable(text == null ? null : Values.duration(text));
  }

  /** {@code d} written the way a scenario would write it, such as {@code 90s} or {@code 2m}. */
  public static String format(Duration d) {
    return Values.format(d);
  }
}
