package dev.gauntlet.reports;

import java.util.Locale;

/** The three outcomes of every gate. "Could not measure" is {@link #UNRESOLVED}, never {@link #PASSED}. */
public enum Status {
  PASSED,
  FAILED,
  UNRESOLVED;

  /** Lower-case name, as written to verdict.json ({@code passed}, {@code failed}, {@code unresolved}). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
