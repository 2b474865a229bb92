package dev.gauntlet.reports.metrics;

/**
 * How one fault window recovered.
 *
 * @param state   what was observed
 * @param seconds for {@link State#RECOVERED}, the recovery time; for {@link State#NOT_RECOVERED}, the time
 *                observed after the window without recovering (a lower bound); 0 for {@link State#NO_DATA}
 */
public record RecoveryResult(State state, double seconds) {

  /** What the data after a fault window showed. */
  public enum State {
    /** Back within bounds, and stayed there until the data ended. */
    RECOVERED,
    /** Still out of bounds when the data (or the observation horizon) ended. */
    NOT_RECOVERED,
    /** No evaluation step after the window's end. */
    NO_DATA
  }

  public static RecoveryResult recovered(double seconds) {
    return new RecoveryResult(State.RECOVERED, seconds);
  }

  public static RecoveryResult notRecovered(double observedSeconds) {
    return new RecoveryResult(State.NOT_RECOVERED, observedSeconds);
  }

  public static RecoveryResult noData() {
    return new RecoveryResult(State.NO_DATA, 0);
  }
}
