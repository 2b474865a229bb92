package dev.gauntlet.agent.internal;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Clock;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Primary provider behind a retry and a circuit breaker; when the primary still fails after its
 * retries, or its breaker is open, the fallback provider (if any) behind its own retry. Every
 * answer passes {@link TurnCheck} inside the retry, so a cut, filtered, refused or unparseable
 * answer is retried and falls back like a 5xx; the text a failed attempt streamed is discarded
 * ({@link TokenSink#discard()}) before the next. While {@code primaryDown} says the primary is
 * being restarted (the {@link Watchdog} of a self-hosted server), calls go straight to the
 * fallback, without spending retries on a server known to be starting; without a fallback they
 * still try the primary.
 * Thread-safe: the breaker's state is shared by all tasks, as it should be.
 */
public final class ResilientGateway implements LlmGateway {
  private final LlmProvider primary;
  private final Optional<LlmProvider> fallback;
  private final CircuitBreaker breaker;
  private final Retry primaryRetry;
  private final Retry fallbackRetry;
  private final BooleanSupplier primaryDown;

  public ResilientGateway(
      LlmProvider primary, Optional<LlmProvider> fallback, ResiliencePolicy policy, Clock clock) {
    this(primary, fallback, policy, clock, () -> false);
  }

  /** A gateway that skips the primary while {@code primaryDown} is true and a fallback is configured. */
  public ResilientGateway(
      LlmProvider primary,
      Optional<LlmProvider> fallback,
      ResiliencePolicy policy,
      Clock clock,
      BooleanSupplier primaryDown) {
    this.primary = primary;
    this.primaryDown = primaryDown;
    this.fallback = fallback;
    this.breaker = CircuitBreaker.of("primary", breakerConfig(policy));
    this.primaryRetry = Retry.of("primary", retryConfig(policy, clock));
    this.fallbackRetry = Retry.of("fallback", retryConfig(policy, clock));
  }

  @Override
  public ModelTurn complete(ChatRequest request) {
    if (fallback.isPresent() && primaryDown.getAsBoolean()) {
      return onFallback(request, "provider primary is restarting (watchdog)");
    }
    try {
      return primaryRetry.executeSupplier(
          () -> breaker.executeSupplier(() -> attempt(primary, request)));
    } catch (RuntimeException primaryError) {
      if (!ProviderErrors.isProviderFailure(primaryError)) {
        throw primaryError;
      }
      String primaryFailure = "provider primary " + ProviderErrors.describe(primaryError);
      if (fallback.isEmpty()) {
        throw new ProviderFailedException(primaryFailure, primaryError);
      }
      return onFallback(request, primaryFailure);
    }
  }

  public CircuitBreaker.State breakerState() {
    return breaker.getState();
  }

  @Override
  public void close() {
    primary.close();
    fallback.ifPresent(LlmProvider::close);
  }

  private ModelTurn onFallback(ChatRequest request, String primaryFailure) {
    try {
      return fallbackRetry.executeSupplier(() -> attempt(fallback.orElseThrow(), request));
    } catch (RuntimeException fallbackError) {
      if (!ProviderErrors.isProviderFailure(fallbackError)) {
        throw fallbackError;
      }
      throw new ProviderFailedException(
          primaryFailure + "; provider fallback " + ProviderErrors.describe(fallbackError),
          fallbackError);
    }
  }

  /** One checked call; a failed one voids the text it may have streamed, since a retry or the fallback follows. */
  private static ModelTurn attempt(LlmProvider provider, ChatRequest request) {
    try {
      return TurnCheck.usable(provider.complete(request));
    } catch (RuntimeException e) {
      request.tokens().discard();
      throw e;
    }
  }

  private static RetryConfig retryConfig(ResiliencePolicy policy, Clock clock) {
    IntervalBiFunction<Object> interval =
        (retry, outcome) ->
            outcome.isLeft()
                ? RetryAfter.of(outcome.getLeft(), policy.maxWait(), clock.instant())
                    .orElse(policy.backoff(retry))
                    .toMillis()
                : policy.backoff(retry).toMillis();
    return RetryConfig.custom()
        .maxAttempts(policy.maxAttempts())
        .intervalBiFunction(interval)
        .retryOnException(
            error ->
                !(error instanceof CallNotPermittedException) && ProviderErrors.isTransient(error))
        .build();
  }

  private static CircuitBreakerConfig breakerConfig(ResiliencePolicy policy) {
    return CircuitBreakerConfig.custom()
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(policy.windowSize())
        .minimumNumberOfCalls(policy.minimumCalls())
        .failureRateThreshold(policy.failureRatePercent())
        .waitDurationInOpenState(policy.openDuration())
        .permittedNumberOfCallsInHalfOpenState(policy.halfOpenCalls())
        .recordException(ProviderErrors::isTransient)
        .build();
  }
}
