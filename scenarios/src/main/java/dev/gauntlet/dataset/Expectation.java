package dev.gauntlet.dataset;

import java.util.List;

/**
 * What a right answer looks like. Exactly one kind per item.
 */
public sealed interface Expectation permits Expectation.Contains, Expectation.Exact, Expectation.JsonField {

  /** The output contains every one of {@code values} (case-insensitive). */
  record Contains(List<String> values) implements Expectation {
    public Contains {
      values = List.copyOf(values);
    }
  }

  /** The output, trimmed, equals {@code value}. */
  record Exact(String value) implements Expectation {}

  /** The output parses as JSON and the field at {@code pointer} (a JSON pointer) equals {@code value} as text. */
  record JsonField(String pointer, String value) implements Expectation {}
}
