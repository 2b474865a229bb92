package dev.gauntlet.faults.internal;

import dev.gauntlet.faults.internal.provider.Malformations;
import dev.gauntlet.faults.spi.FaultInjector;
import dev.gauntlet.faults.spi.FaultSwitch;
import dev.gauntlet.scenario.Fault;
import dev.gauntlet.scenario.FaultSpec;

/** Makes the model's answer in hit provider calls malformed, as the variant says. Thread-safe. */
public final class MalformedOutputInjector implements FaultInjector<Fault.MalformedOutput> {

  private final ActiveFaults provider;

  public MalformedOutputInjector(ActiveFaults provider) {
    this.provider = provider;
  }

  @Override
  public FaultSwitch switchOn(FaultSpec spec, Fault.MalformedOutput fault) {
    return provider.activateTurn(spec, new Malformations(fault.variant()), false);
  }
}
