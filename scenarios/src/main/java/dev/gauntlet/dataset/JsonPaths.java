package dev.gauntlet.dataset;

import com.fasterxml.jackson.core.JsonPointer;

/**
 * The simple JSON paths that {@code expected} accepts beside JSON pointers: {@code $} followed by steps, each
 * {@code .name}, {@code ['name']}, {@code ["name"]} or {@code [index]}; no wildcards, filters or slices, since a
 * field match names one field. Stateless and thread-safe.
 */
public final class JsonPaths {

  private JsonPaths() {}

  /**
   * The JSON pointer naming the same field: {@code $.order.items[0].sku} is {@code /order/items/0/sku}.
   *
   * @throws IllegalArgumentException saying where the path stops making sense
   */
  public static String toPointer(String path) {
    if (!path.startsWith("$")) {
      throw new IllegalArgumentException("it must start with $");
    }
    StringBuilder pointer = new StringBuilder();
    int at = 1;
    while (at < path.length()) {
      at = step(path, at, pointer);
    }
    if (pointer.length() == 0) {
      throw new IllegalArgumentException("it must name a field after $");
    }
    return pointer.toString();
  }

  private static int step(String path, int at, StringBuilder pointer) {
    char c = path.charAt(at);
    if (c == '.') {
      int end = at + 1;
      while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
        end++;
      }
      return append(pointer, path.substring(at + 1, end), end, at);
    }
    if (c == '['
        && at + 1 < path.length()
        && (path.charAt(at + 1) == '\'' || path.charAt(at + 1) == '"')) {
      char quote = path.charAt(at + 1);
      int close = path.indexOf(quote + "]", at + 2);
      if (close < 0) {
        throw new IllegalArgumentException(
            "the " + quote + " at character " + (at + 2) + " is never closed");
      }
      return append(pointer, path.substring(at + 2, close), close + 2, at);
    }
    if (c == '[') {
      int close = path.indexOf(']', at);
      String index = close < 0 ? "" : path.substring(at + 1, close);
      if (!index.matches("\\d+")) {
        throw new IllegalArgumentException(
            "character " + (at + 1) + " must start .name, ['name'] or [index]");
      }
      return append(pointer, index, close + 1, at);
    }
    throw new IllegalArgumentException(
        "character " + (at + 1) + " must start .name, ['name'] or [index]");
  }

  private static int append(StringBuilder pointer, String name, int next, int at) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("the step at character " + (at + 1) + " names nothing");
    }
    pointer.append(JsonPointer.SEPARATOR).append(name.replace("~", "~0").replace("/", "~1"));
    return next;
  }
}
