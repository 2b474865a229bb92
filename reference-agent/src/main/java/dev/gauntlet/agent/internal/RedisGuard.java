package dev.gauntlet.agent.internal;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The resilient agent's circuit breaker around Redis, shared by memory and cache: once most
 * recent calls failed or took more than half the timeout, calls are skipped for a while instead
 * of each waiting for its timeout; then a few trial calls find out whether Redis is back.
 * Thread-safe.
 */
public final class RedisGuard {
  private final CircuitBreaker breaker;

  /** @param timeout the Redis call timeout; a call taking half of it counts as slow */
  public RedisGuard(Duration timeout, Duration openDuration) {
    this.breaker =
        CircuitBreaker.of(
            "redis",
            CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(10)
                .minimumNumberOfCalls(4)
                .failureRateThreshold(50)
                .slowCallDurationThreshold(timeout.dividedBy(2))
                .slowCallRateThreshold(50)
                .waitDurationInOpenState(openDuration)
                .permittedNumberOfCallsInHalfOpenState(2)
                .recordException(StoreFailedException.class::isInstance)
                .build());
  }

  /** The call's result, or empty when Redis failed it or the breaker skipped it. */
  public <T> Optional<T> attempt(Supplier<T> call) {
    try {
      return Optional.of(breaker.executeSupplier(call));
    } catch (StoreFailedException | CallNotPermittedException e) {
      return Optional.empty();
    }
  }
}
