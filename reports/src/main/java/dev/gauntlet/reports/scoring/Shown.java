package dev.gauntlet.reports.scoring;

/** How outputs and values read in reasons: quoted, on one line, cut to a length a report row can hold. */
final class Shown {

  private static final int MAX = 60;

  private Shown() {}

  static String quoted(String text) {
    String line = text.replace('\n', ' ').replace('\r', ' ');
    return '"' + (line.length() <= MAX ? line : line.substring(0, MAX - 1) + "…") + '"';
  }
}
