package dev.gauntlet.dataset;

import dev.gauntlet.scenario.InvalidInputException;
import dev.gauntlet.scenario.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects every problem of a dataset so that they are all reported at once, in file order. Not thread-safe. */
final class Problems {

  private final List<Problem> found = new ArrayList<>();
  private final Map<String, Integer> fileOrder = new LinkedHashMap<>();

  void add(SourceFile file, int line, int column, String path, String message) {
    fileOrder.putIfAbsent(file.shown(), fileOrder.size());
    found.add(new Problem(file.shown(), line, column, path, message));
  }

  int count() {
    return found.size();
  }

  void throwIfAny() {
    if (!found.isEmpty()) {
      List<Problem> sorted = new ArrayList<>(found);
      sorted.sort(
          Comparator.<Problem>comparingInt(p -> fileOrder.get(p.file()))
              .thenComparingInt(Problem::line)
              .thenComparingInt(Problem::column));
      throw new InvalidInputException(sorted);
    }
  }
}
