package dev.gauntlet.faults.internal;

import dev.gauntlet.faults.spi.FaultInjector;
import dev.gauntlet.faults.spi.FaultSwitch;
import dev.gauntlet.faults.spi.HttpAnswer;
import dev.gauntlet.faults.spi.ProviderFaults;
import dev.gauntlet.scenario.Fault;
import dev.gauntlet.scenario.FaultSpec;

/** Makes hit provider calls answer 429 with {@code retry-after} and OpenAI's rate-limit headers. Thread-safe. */
public final class RateLimitInjector implements FaultInjector<Fault.RateLimit> {

  private final ProviderFaults provider;

  public RateLimitInjector(ProviderFaults provider) {
    this.provider = provider;
  }

  @Override
  public FaultSwitch switchOn(FaultSpec spec, Fault.RateLimit fault) {
    HttpAnswer answer = OpenAiErrors.rateLimited(fault.retryAfter());
    return provider.activate(spec, () -> answer);
  }
}
