package dev.gauntlet.dataset;

import java.util.function.Predicate;

/**
 * Where the values of one parsed JSON document sit in the file it was read from, by path such as
 * {@code script[0].tool_calls[1].name}: an {@code items.jsonl} line, or a value of {@code dataset.yaml}.
 */
interface Positions {

  /** 1-based line of the value at {@code path}, or of its nearest enclosing value when it is absent. */
  int line(String path);

  /** 1-based column of the value at {@code path}, or of its nearest enclosing value when it is absent. */
  int column(String path);

  /** {@code path}, or the nearest path enclosing it that is {@code known}; {@code ""} (the root) at the last. */
  static String nearest(String path, Predicate<String> known) {
    String at = path;
    while (!known.test(at) && !at.isEmpty()) {
      int cut = Math.max(at.lastIndexOf('.'), at.lastIndexOf('['));
      at = cut < 0 ? "" : at.substring(0, cut);
    }
    return at;
  }
}
