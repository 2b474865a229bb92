package dev.gauntlet.agent;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads typed values out of an environment map; blank counts as unset. Not thread-safe. */
final class EnvReader {
  private static final Pattern DURATION = Pattern.compile("(\\d{1,12})\\s*(ms|s|m)");
  private final Map<String, String> env;

  EnvReader(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  static void check(boolean condition, String message) {
    if (!condition) {
      throw new InvalidConfigException(message);
    }
  }

  Optional<String> optional(String name) {
    return Optional.ofNullable(env.get(name)).map(String::trim).filter(value -> !value.isEmpty());
  }

  String text(String name, String fallback) {
    return optional(name).orElse(fallback);
  }

  int integer(String name, int fallback, int min, int max) {
    Optional<String> raw = optional(name);
    if (raw.isEmpty()) {
      return fallback;
    }
    String must = name + " must be an integer in [" + min + ", " + max + "], but was " + raw.get();
    try {
      int value = Integer.parseInt(raw.get());
      check(value >= min && value <= max, must);
      return value;
    } catch (NumberFormatException e) {
      throw new InvalidConfigException(must);
    }
  }

  /** A number in ({@code above}, {@code atMost}]. */
  double number(String name, double fallback, double above, double atMost) {
    Optional<String> raw = optional(name);
    if (raw.isEmpty()) {
      return fallback;
    }
    String must =
        name
            + " must be a number in ("
            + plain(above)
            + ", "
            + plain(atMost)
            + "], but was "
            + raw.get();
    try {
      double value = Double.parseDouble(raw.get());
      check(value > above && value <= atMost, must);
      return value;
    } catch (NumberFormatException e) {
      throw new InvalidConfigException(must);
    }
  }

  /** A duration written with its unit, {@code 500ms}, {@code 1s} or {@code 2m}, in [{@code min}, {@code max}]. */
  Duration duration(String name, Duration fallback, Duration min, Duration max) {
    Optional<String> raw = optional(name);
    if (raw.isEmpty()) {
      return fallback;
    }
    String must =
        name
            + " must be a duration such as 500ms, 1s or 2m in ["
            + text(min)
            + ", "
            + text(max)
            + "], but was "
            + raw.get();
    Matcher m = DURATION.matcher(raw.get());
    check(m.matches(), must);
    try {
      long amount = Long.parseLong(m.group(1));
      Duration value =
          switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofMinutes(amount);
          };
      check(value.compareTo(min) >= 0 && value.compareTo(max) <= 0, must);
      return value;
    } catch (NumberFormatException | ArithmeticException e) {
      throw new InvalidConfigException(must);
    }
  }

  private static String plain(double value) {
    return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  private static String text(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }

  String url(String name, String fallback) {
    return optionalUrl(name).orElse(fallback);
  }

  Optional<String> optionalUrl(String name) {
    return optional(name).map(value -> checkedUrl(name, value));
  }

  boolean onOff(String name, boolean fallback) {
    Optional<String> raw = optional(name);
    if (raw.isEmpty()) {
      return fallback;
    }
    String value = raw.get().toLowerCase(java.util.Locale.ROOT);
    check(
        value.equals("on") || value.equals("off"),
        name + " must be one of [on, off], but was " + raw.get());
    return value.equals("on");
  }

  /** A {@code redis://} or {@code rediss://} URL, its path a database number if any; the message hides a password. */
  Optional<URI> optionalRedisUrl(String name) {
    return optional(name)
        .map(
            value -> {
              try {
                URI uri = URI.create(value);
                boolean database =
                    uri.getRawPath() == null || uri.getRawPath().matches("/?\\d{0,5}");
                check(
                    ("redis".equals(uri.getScheme()) || "rediss".equals(uri.getScheme()))
                        && uri.getHost() != null
                        && database,
                    name + " must be a redis:// or rediss:// URL, but was " + withoutPassword(uri));
                return uri;
              } catch (IllegalArgumentException e) {
                throw e instanceof InvalidConfigException
                    ? e
                    : new InvalidConfigException(
                        name + " must be a redis:// or rediss:// URL, but was not a URL");
              }
            });
  }

  private static String withoutPassword(URI uri) {
    return uri.getRawUserInfo() == null
        ? uri.toString()
        : uri.toString().replace(uri.getRawUserInfo() + "@", "***@");
  }

  private static String checkedUrl(String name, String value) {
    String must = name + " must be an http(s) URL, but was " + value;
    try {
      URI uri = URI.create(value);
      check(
          ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
              && uri.getHost() != null,
          must);
      return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    } catch (IllegalArgumentException e) {
      throw e instanceof InvalidConfigException ? e : new InvalidConfigException(must);
    }
  }
}
