package dev.gauntlet.agent.internal;

import java.util.Locale;

/**
 * What the response cache did for one task, reported as the answer's {@code cache} field.
 * Immutable and thread-safe.
 */
public enum CacheStatus {
  /** The answer came from the cache; no LLM call was made. */
  HIT,
  /** The cache was asked and had no answer; the agent ran the task and cached a complete answer. */
  MISS,
  /** The cache is switched off ({@code AGENT_CACHE=off}). */
  OFF,
  /** Redis failed or its circuit breaker is open: the task ran without the cache. */
  DEGRADED;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
