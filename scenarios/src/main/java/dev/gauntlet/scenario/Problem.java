package dev.gauntlet.scenario;

/**
 * One thing wrong with an input file, located precisely enough to fix without searching.
 *
 * @param file    the file as the user named it
 * @param line    1-based line, 0 when unknown
 * @param column  1-based column, 0 when unknown
 * @param path    where in the document, such as {@code faults[2].probability}; empty for the whole document
 * @param message what was expected and what was found: "must be …, but was …"
 */
public record Problem(String file, int line, int column, String path, String message) {

  /** {@code file:line:column path: message}, the form editors and CI logs link to. */
  @Override
  public String toString() {
    String where = line > 0 ? file + ":" + line + (column > 0 ? ":" + column : "") : file;
    return where + " " + (path.isEmpty() ? "" : path + ": ") + message;
  }
}
