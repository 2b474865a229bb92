package dev.gauntlet.faults.internal;

import dev.gauntlet.faults.spi.FaultInjector;
import dev.gauntlet.faults.spi.FaultSwitch;
import dev.gauntlet.faults.spi.HttpAnswer;
import dev.gauntlet.scenario.Fault;
import dev.gauntlet.scenario.FaultSpec;

/**
 * Makes provider calls answer 429 with {@code retry-after} and OpenAI's rate-limit headers: a share of the calls,
 * or, with {@code rpm}/{@code tpm}, the calls over a real quota counted from the load itself ({@link Quota}).
 * Thread-safe.
 */
public final class RateLimitInjector implements FaultInjector<Fault.RateLimit> {

  private final ActiveFaults provider;

  public RateLimitInjector(ActiveFaults provider) {
    this.provider = provider;
  }

  @Override
  public FaultSwitch switchOn(FaultSpec spec, Fault.RateLimit fault) {
    if (fault.isQuota()) {
      return provider.activateQuota(spec, new Quota(fault));
    }
    HttpAnswer answer = OpenAiErrors.rateLimited(fault.retryAfter());
    return provider.activate(spec, () -> answer);
  }
}
