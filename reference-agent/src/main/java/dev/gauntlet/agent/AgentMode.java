package dev.gauntlet.agent;

import java.util.Locale;

/**
 * How the reference agent treats its dependencies.
 *
 * <p>{@link #RESILIENT} retries, trips a circuit breaker, falls back to a second provider,
 * refuses tools that are not in the catalog and enforces a step and token budget; it gives Redis
 * short timeouts and a circuit breaker, and without Redis goes on with no cache and memory in the
 * process. {@link #NAIVE} does none of that, so that a scenario can show the difference: a Redis
 * failure fails its task.
 *
 * <p>Immutable and thread-safe.
 */
public enum AgentMode {
  RESILIENT,
  NAIVE;

  /** The loop cap a naive agent uses whatever {@code AGENT_MAX_STEPS} says: high, but finite. */
  public static final int NAIVE_STEP_CAP = 50;

  /** The lower-case name used in {@code AGENT_MODE} and in the health answer. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  static AgentMode parse(String variable, String value) {
    for (AgentMode mode : values()) {
      if (mode.label().equals(value.trim().toLowerCase(Locale.ROOT))) {
        return mode;
      }
    }
    throw new InvalidConfigException(
        variable + " must be one of [resilient, naive], but was " + value);
  }
}
