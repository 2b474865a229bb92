package dev.gauntlet.dataset;

/**
 * Reports problems of one parsed JSON value at the line and column of the value they are about: an
 * {@code items.jsonl} line (paths under {@code items[N]}), or an expectation of {@code dataset.yaml}'s
 * {@code scorers} (paths under {@code scorers.always[i]}).
 */
final class LineSpot {

  private final SourceFile file;
  private final Problems problems;
  private final Positions positions;
  private final String root;

  LineSpot(SourceFile file, Problems problems, JsonLine line) {
    this(file, problems, line, "items[" + line.number() + "]");
  }

  /** Problems at {@code positions}, their paths under {@code root}. */
  LineSpot(SourceFile file, Problems problems, Positions positions, String root) {
    this.file = file;
    this.problems = problems;
    this.positions = positions;
    this.root = root;
  }

  /** A problem with the value at {@code path} (relative to the root), located at it or at its enclosing value. */
  void report(String path, String message) {
    problems.add(file, positions.line(path), positions.column(path), itemPath(path), message);
  }

  String itemPath(String path) {
    return path.isEmpty() ? root : root + "." + path;
  }

  int problemCount() {
    return problems.count();
  }
}
