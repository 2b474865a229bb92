package dev.gauntlet.scenario.spi;

import java.time.Duration;

/**
 * The keys of one fault entry, as a {@link FaultKind} reads them. Each read keeps the value it got for
 * {@code Fault.Custom.settings()} and reports a missing required key or a value of the wrong shape with its file,
 * line and column (the scenario is then invalid, exit 1); a read that fails returns null. Not thread-safe: one use,
 * while the scenario loads.
 */
public interface FaultSettings {

  /** A single value's text. */
  String string(String key, boolean required);

  /** A whole number within [min, max]. */
  Long integer(String key, boolean required, long min, long max);

  /** A number within [min, max]; {@code 5%} reads as 0.05. */
  Double number(String key, boolean required, double min, double max);

  /** A positive duration such as {@code 500ms}, {@code 30s} or {@code 2m}. */
  Duration duration(String key, boolean required);

  /** Reports {@code key}'s value as wrong: {@code expected} is said as "must be …", with the value as written. */
  void reject(String key, String expected);
}
