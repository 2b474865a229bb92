package dev.gauntlet.dataset;

/** Reports problems of one {@code items.jsonl} line at the column of the value they are about. */
final class LineSpot {

  private final SourceFile file;
  private final Problems problems;
  private final JsonLine line;

  LineSpot(SourceFile file, Problems problems, JsonLine line) {
    this.file = file;
    this.problems = problems;
    this.line = line;
  }

  /** A problem with the value at {@code path} (relative to the item), located at it or at its enclosing value. */
  void report(String path, String message) {
    problems.add(file, line.number(), line.column(path), itemPath(path), message);
  }

  String itemPath(String path) {
    String item = "items[" + line.number() + "]";
    return path.isEmpty() ? item : item + "." + path;
  }

  int problemCount() {
    return problems.count();
  }
}
