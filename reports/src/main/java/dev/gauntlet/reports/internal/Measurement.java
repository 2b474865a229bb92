package dev.gauntlet.reports.internal;

/**
 * A metric measured over one scope.
 *
 * @param value   the value in the metric's unit, or null when it could not be measured
 * @param samples tasks behind the value, -1 when a sample count does not apply
 * @param missing why it could not be measured, null when it was
 */
public record Measurement(Double value, long samples, String missing) {

  static Measurement of(double value, long samples) {
    return new Measurement(value, samples, null);
  }

  static Measurement missing(String why) {
    return new Measurement(null, 0, why);
  }
}
