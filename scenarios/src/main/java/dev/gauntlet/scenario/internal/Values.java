package dev.gauntlet.scenario.internal;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the value forms scenarios use: durations ({@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}) and rates
 * ({@code 5000/min}, {@code 80/s}, or a bare number of tasks per minute). Returns null for a malformed value so the
 * caller can report it with its location.
 */
public final class Values {

  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)");
  private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(?:/\\s*(s|sec|min|m|h))?");

  private Values() {}

  /** A duration, or null when {@code text} is not one. */
  public static Duration duration(String text) {
    Matcher m = DURATION.matcher(text.trim());
    if (!m.matches()) {
      return null;
    }
    double amount = Double.parseDouble(m.group(1));
    double millis = switch (m.group(2)) {
      case "ms" -> amount;
      case "s" -> amount * 1_000;
      case "m" -> amount * 60_000;
      default -> amount * 3_600_000;
    };
    return Duration.ofNanos(Math.round(millis * 1_000_000));
  }

  /** A rate in tasks per minute, or null when {@code text} is not one. */
  public static Double perMinute(String text) {
    Matcher m = RATE.matcher(text.trim());
    if (!m.matches()) {
      return null;
    }
    double amount = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "min" : m.group(2);
    return switch (unit) {
      case "s", "sec" -> amount * 60;
      case "h" -> amount / 60;
      default -> amount;
    };
  }

  /** A duration written back the way a scenario would write it. */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms % 3_600_000 == 0 && ms > 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms % 60_000 == 0 && ms > 0) {
      return ms / 60_000 + "m";
    }
    return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
  }
}
