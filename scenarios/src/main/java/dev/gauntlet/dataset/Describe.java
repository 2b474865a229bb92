package dev.gauntlet.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** How values and choices read in problem messages. */
final class Describe {

  private Describe() {}

  static String json(JsonNode value) {
    if (value == null || value.isMissingNode()) {
      return "missing";
    }
    if (value.isObject()) {
      return "an object";
    }
    if (value.isArray()) {
      return "an array";
    }
    return value.toString();
  }

  static String quoted(String text) {
    return '"' + text + '"';
  }

  /** {@code "; did you mean \"x\"?"} when one of {@code choices} is a likely typo of {@code given}, else empty. */
  static String suggestion(String given, Collection<String> choices) {
    Optional<String> close =
        choices.stream()
            .filter(c -> distance(c, given) <= Math.max(1, given.length() / 4))
            .min(Comparator.comparingInt(c -> distance(c, given)));
    return close.map(c -> "; did you mean " + quoted(c) + "?").orElse("");
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int[] current = new int[b.length() + 1];
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      previous = current;
    }
    return previous[b.length()];
  }
}
