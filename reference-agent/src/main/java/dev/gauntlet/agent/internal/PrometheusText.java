package dev.gauntlet.agent.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A parser of the Prometheus text exposition format 0.0.4, as vLLM and the DCGM exporter serve it on
 * {@code /metrics}: {@code # HELP} and {@code # TYPE} lines and other comments are skipped, and each sample line
 * {@code name{label="value",…} value [timestamp]} becomes a {@link Sample}. Label values may hold the escapes
 * {@code \\}, {@code \"} and {@code \n}; values may be {@code NaN}, {@code +Inf} and {@code -Inf}. Thread-safe
 * (stateless).
 */
public final class PrometheusText {

  /**
   * One sample.
   *
   * @param name   the metric's name, such as {@code DCGM_FI_DEV_FB_USED}
   * @param labels its labels in the order written
   * @param value  its value
   */
  public record Sample(String name, Map<String, String> labels, double value) {
    public Sample {
      labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }
  }

  /** A line that is not in the format, with its 1-based number and what was expected there. */
  public static final class FormatException extends RuntimeException {
    public FormatException(int line, String message) {
      super("line " + line + ": " + message);
    }
  }

  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern TIMESTAMP = Pattern.compile("-?\\d{1,19}");

  private PrometheusText() {}

  /**
   * Every sample of {@code text}, in order.
   *
   * @throws FormatException at the first line that is not in the format
   */
  public static List<Sample> parse(String text) {
    List<Sample> samples = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line =
          lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      String trimmed = line.strip();
      if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
        samples.add(new Line(line, i + 1).sample());
      }
    }
    return samples;
  }

  /** One sample line, read left to right. */
  private static final class Line {
    private final String text;
    private final int number;
    private int at;

    Line(String text, int number) {
      this.text = text;
      this.number = number;
    }

    Sample sample() {
      skipBlanks();
      String name = name(true);
      Map<String, String> labels = new LinkedHashMap<>();
      skipBlanks();
      if (peek() == '{') {
        at++;
        labels(labels);
      }
      skipBlanks();
      double value = value(token());
      skipBlanks();
      if (at < text.length()) {
        timestamp(token());
      }
      skipBlanks();
      if (at < text.length()) {
        throw error(
            "expected the end of the line after the value and timestamp, but found '"
                + text.substring(at)
                + "'");
      }
      return new Sample(name, labels, value);
    }

    private void labels(Map<String, String> labels) {
      while (true) {
        skipBlanks();
        if (peek() == '}') {
          at++;
          return;
        }
        String label = name(false);
        skipBlanks();
        expect('=');
        skipBlanks();
        expect('"');
        if (labels.put(label, quoted()) != null) {
          throw error("label " + label + " appears twice");
        }
        skipBlanks();
        if (peek() == ',') {
          at++;
        } else if (peek() != '}') {
          throw error("expected ',' or '}' after a label value, but found " + found());
        }
      }
    }

    /** The rest of a quoted label value, its escapes resolved; the opening quote is already read. */
    private String quoted() {
      StringBuilder value = new StringBuilder();
      while (at < text.length()) {
        char c = text.charAt(at++);
        if (c == '"') {
          return value.toString();
        }
        if (c == '\\') {
          if (at >= text.length()) {
            break;
          }
          char escaped = text.charAt(at++);
          switch (escaped) {
            case '\\', '"' -> value.append(escaped);
            case 'n' -> value.append('\n');
            default ->
                throw error(
                    "expected \\\\, \\\" or \\n after a backslash in a label value, but found \\"
                        + escaped);
          }
        } else {
          value.append(c);
        }
      }
      throw error("a label value is not closed by '\"'");
    }

    private String name(boolean metric) {
      int start = at;
      while (at < text.length() && nameChar(text.charAt(at), at == start, metric)) {
        at++;
      }
      if (at == start) {
        throw error("expected a " + (metric ? "metric" : "label") + " name, but found " + found());
      }
      return text.substring(start, at);
    }

    private static boolean nameChar(char c, boolean first, boolean metric) {
      boolean letter =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (metric && c == ':');
      return letter || (!first && c >= '0' && c <= '9');
    }

    private double value(String token) {
      return switch (token) {
        case "NaN" -> Double.NaN;
        case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
        case "-Inf" -> Double.NEGATIVE_INFINITY;
        default -> number(token);
      };
    }

    private double number(String token) {
      // Double.parseDouble also takes "Infinity", hex and a trailing 'd' or 'f', which the format
      // does not.
      if (!NUMBER.matcher(token).matches()) {
        throw error("expected a value (a number, NaN, +Inf or -Inf), but found " + quote(token));
      }
      return Double.parseDouble(token);
    }

    private void timestamp(String token) {
      if (!TIMESTAMP.matcher(token).matches()) {
        throw error("expected a timestamp in milliseconds, but found " + quote(token));
      }
    }

    private String token() {
      int start = at;
      while (at < text.length() && text.charAt(at) != ' ' && text.charAt(at) != '\t') {
        at++;
      }
      if (at == start) {
        throw error("expected a value, but found " + found());
      }
      return text.substring(start, at);
    }

    private void expect(char c) {
      if (peek() != c) {
        throw error("expected '" + c + "', but found " + found());
      }
      at++;
    }

    private char peek() {
      return at < text.length() ? text.charAt(at) : '\0';
    }

    private void skipBlanks() {
      while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
        at++;
      }
    }

    private String found() {
      return at < text.length() ? quote(String.valueOf(text.charAt(at))) : "the end of the line";
    }

    private static String quote(String s) {
      return "'" + s + "'";
    }

    private FormatException error(String message) {
      return new FormatException(number, message);
    }
  }
}
