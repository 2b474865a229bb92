package dev.gauntlet.faults.internal.passthrough;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Takes secrets out of an exchange before it is written: whole headers that carry credentials or account ids, and
 * any text that looks like an API key or a bearer token, wherever it appears. Stateless.
 */
public final class Redactor {

  /** What every secret is replaced with. */
  public static final String REDACTED = "[REDACTED]";

  private static final Set<String> SECRET_HEADERS =
      Set.of(
          "authorization",
          "proxy-authorization",
          "x-api-key",
          "api-key",
          "cookie",
          "set-cookie",
          "openai-organization",
          "openai-project",
          "anthropic-organization-id");

  /** OpenAI and Anthropic keys ({@code sk-…}, {@code sk-ant-…}), bearer tokens, AWS and Google keys. */
  private static final Pattern SECRET =
      Pattern.compile(
          "sk-[A-Za-z0-9_\\-]{3,}|(?i:bearer)\\s+[A-Za-z0-9._~+/=\\-]+|AKIA[0-9A-Z]{16}|AIza[0-9A-Za-z_\\-]{35}");

  private Redactor() {}

  /** {@code text} with every key-like run replaced by {@value #REDACTED}. */
  public static String text(String text) {
    return text == null ? null : SECRET.matcher(text).replaceAll(REDACTED);
  }

  /** The headers, lower-cased and sorted, with credential headers and key-like values redacted. */
  public static Map<String, String> headers(Map<String, String> headers) {
    Map<String, String> out = new TreeMap<>();
    headers.forEach(
        (name, value) -> {
          String lower = name.toLowerCase(Locale.ROOT);
          out.put(lower, SECRET_HEADERS.contains(lower) ? REDACTED : text(value));
        });
    return out;
  }
}
