package dev.gauntlet.scenario;

import java.time.Duration;

/**
 * One stage of an open-model arrival profile: the task rate goes linearly from {@code fromPerMinute} to
 * {@code toPerMinute} over {@code duration}. A constant stage has equal rates.
 */
public record Stage(double fromPerMinute, double toPerMinute, Duration duration) {

  /** A stage that holds one rate. */
  public static Stage constant(double perMinute, Duration duration) {
    return new Stage(perMinute, perMinute, duration);
  }

  /** Whether the rate stays the same through the stage. */
  public boolean isConstant() {
    return fromPerMinute == toPerMinute;
  }

  /** Tasks this stage starts: the area under its rate curve. */
  public double expectedTasks() {
    return (fromPerMinute + toPerMinute) / 2.0 * duration.toMillis() / 60_000.0;
  }
}
