package dev.gauntlet.junit5;

/**
 * A scenario could not be run to a verdict: it did not load, or its target never became ready. Every test of the
 * class fails with this message, which says what happened and where to look.
 */
public final class GauntletRunException extends RuntimeException {

  public GauntletRunException(String message) {
    super(message);
  }
}
