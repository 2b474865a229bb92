package dev.gauntlet.scenario.internal;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the value forms scenarios use: durations ({@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}), memory sizes
 * ({@code 180MB}, {@code 80GiB}) and rates
 * ({@code 5000/min}, {@code 80/s}, or a bare number of tasks per minute). Returns null for a malformed value so the
 * caller can report it with its location.
 */
public final class Values {

  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)");
  private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(MB|MiB|GB|GiB)");
  private static final Pattern RATE =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(?:/\\s*(s|sec|min|m|h))?");

  private Values() {}

  /** A duration, or null when {@code text} is not one. */
  public static Duration duration(String text) {
    Matcher m = DURATION.matcher(text.trim());
    if (!m.matches()) {
      return null;
    }
    double amount = Double.parseDouble(m.group(1));
    double millis =
        switch (m.group(2)) {
          case "ms" -> amount;
          case "s" -> amount * 1_000;
          case "m" -> amount * 60_000;
          default -> amount * 3_600_000;
        };
    return Duration.ofNanos(Math.round(millis * 1_000_000));
  }

  /**
   * A memory size in MiB (2<sup>20</sup> bytes, as NVML and DCGM count), or null when {@code text} is not one:
   * {@code 180MB} and {@code 80GB} are decimal (10<sup>6</sup>, 10<sup>9</sup> bytes), {@code 512MiB} and
   * {@code 80GiB} binary.
   */
  public static Double mebibytes(String text) {
    Matcher m = SIZE.matcher(text.trim());
    if (!m.matches()) {
      return null;
    }
    double amount = Double.parseDouble(m.group(1));
    double bytes =
        switch (m.group(2)) {
          case "MB" -> amount * 1e6;
          case "GB" -> amount * 1e9;
          case "MiB" -> amount * (1 << 20);
          default -> amount * (1L << 30);
        };
    return bytes / (1 << 20);
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
