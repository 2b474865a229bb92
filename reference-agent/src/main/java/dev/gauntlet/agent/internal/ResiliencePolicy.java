package dev.gauntlet.agent.internal;

import java.time.Duration;

/**
 * The resilient agent's provider policy, as data. Immutable and thread-safe.
 *
 * @param maxAttempts        attempts per provider per turn, the first included
 * @param initialBackoff     wait before the first retry; doubled for each later one
 * @param maxWait            cap on any wait, whether backoff or the provider's {@code retry-after}
 * @param windowSize         calls the breaker's count window holds
 * @param minimumCalls       calls in the window before the breaker may open
 * @param failureRatePercent failure share at which the breaker opens
 * @param openDuration       how long the breaker stays open before trial calls
 * @param halfOpenCalls      trial calls let through when half open
 */
public record ResiliencePolicy(
    int maxAttempts,
    Duration initialBackoff,
    Duration maxWait,
    int windowSize,
    int minimumCalls,
    float failureRatePercent,
    Duration openDuration,
    int halfOpenCalls) {

  public static ResiliencePolicy defaults() {
    return new ResiliencePolicy(
        3, Duration.ofMillis(200), Duration.ofSeconds(2), 20, 10, 50f, Duration.ofSeconds(3), 3);
  }

  /** The backoff before retry number {@code retry} (1 for the first retry), capped. */
  public Duration backoff(int retry) {
    Duration wait = initialBackoff.multipliedBy(1L << Math.min(Math.max(retry - 1, 0), 20));
    return wait.compareTo(maxWait) > 0 ? maxWait : wait;
  }
}
