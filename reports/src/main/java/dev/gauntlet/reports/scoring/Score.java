package dev.gauntlet.reports.scoring;

/**
 * How one answer fared against its expectation. Immutable.
 *
 * @param outcome passed, failed, or unscored (could not be measured: never folded into passed or failed)
 * @param value   in [0, 1] when scored, such as the share of {@code contains} values found; NaN when unscored
 * @param reason  a short sentence a person reads in the report, such as {@code missing "2025-03-09"}
 */
public record Score(Outcome outcome, double value, String reason) {

  /** The three outcomes of a score. */
  public enum Outcome {
    PASSED,
    FAILED,
    UNSCORED
  }

  public Score {
    if (outcome == null || reason == null) {
      throw new IllegalArgumentException(
          "outcome and reason must be present, but were " + outcome + ", " + reason);
    }
    if (outcome == Outcome.UNSCORED ? !Double.isNaN(value) : !(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(
          "value must be "
              + (outcome == Outcome.UNSCORED ? "NaN when unscored" : "in [0, 1] when scored")
              + ", but was "
              + value);
    }
  }

  /** Passed, with value 1. */
  public static Score pass(String reason) {
    return new Score(Outcome.PASSED, 1, reason);
  }

  public static Score pass(double value, String reason) {
    return new Score(Outcome.PASSED, value, reason);
  }

  /** Failed, with value 0. */
  public static Score fail(String reason) {
    return new Score(Outcome.FAILED, 0, reason);
  }

  public static Score fail(double value, String reason) {
    return new Score(Outcome.FAILED, value, reason);
  }

  /** Could not be measured: why, and what to do about it where there is something to do. */
  public static Score unscored(String reason) {
    return new Score(Outcome.UNSCORED, Double.NaN, reason);
  }

  public boolean passed() {
    return outcome == Outcome.PASSED;
  }

  public boolean scored() {
    return outcome != Outcome.UNSCORED;
  }

  /** True when passed, false when failed, null when unscored: what accuracy counts. */
  public Boolean verdict() {
    return scored() ? passed() : null;
  }
}
