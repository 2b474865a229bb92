package dev.gauntlet.junit5;

/**
 * An SLO that could not be judged (too little data, the run did not complete). Deliberately not an
 * {@link AssertionError}: test reports show it as an error and Allure as broken, never as passed or as an ordinary
 * failure.
 */
public final class SloUnresolvedException extends RuntimeException {

  public SloUnresolvedException(String message) {
    super(message);
  }
}
