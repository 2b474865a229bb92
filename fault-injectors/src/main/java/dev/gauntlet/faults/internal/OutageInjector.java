package dev.gauntlet.faults.internal;

import dev.gauntlet.faults.spi.FaultInjector;
import dev.gauntlet.faults.spi.FaultSwitch;
import dev.gauntlet.faults.spi.HttpAnswer;
import dev.gauntlet.faults.spi.ProviderFaults;
import dev.gauntlet.scenario.Fault;
import dev.gauntlet.scenario.FaultSpec;

/** Makes hit provider calls answer the outage's status with an OpenAI error body. Thread-safe. */
public final class OutageInjector implements FaultInjector<Fault.Outage> {

  private final ProviderFaults provider;

  public OutageInjector(ProviderFaults provider) {
    this.provider = provider;
  }

  @Override
  public FaultSwitch switchOn(FaultSpec spec, Fault.Outage fault) {
    HttpAnswer answer = OpenAiErrors.serverError(fault.status());
    return provider.activate(spec, () -> answer);
  }
}
