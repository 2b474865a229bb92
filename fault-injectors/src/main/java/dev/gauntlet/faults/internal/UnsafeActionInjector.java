package dev.gauntlet.faults.internal;

import dev.gauntlet.faults.internal.provider.UnsafeActions;
import dev.gauntlet.faults.spi.FaultInjector;
import dev.gauntlet.faults.spi.FaultSwitch;
import dev.gauntlet.scenario.Fault;
import dev.gauntlet.scenario.FaultSpec;

/**
 * Makes the model of a hit task call a tool its item forbids where the script refuses or escalates. The draw is per
 * task, as a model talked into an action stays talked into it for the conversation. Thread-safe.
 */
public final class UnsafeActionInjector implements FaultInjector<Fault.UnsafeAction> {

  private final ActiveFaults provider;

  public UnsafeActionInjector(ActiveFaults provider) {
    this.provider = provider;
  }

  @Override
  public FaultSwitch switchOn(FaultSpec spec, Fault.UnsafeAction fault) {
    return provider.activateTurn(spec, new UnsafeActions(), true);
  }
}
