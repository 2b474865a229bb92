package dev.gauntlet.faults.internal;

import dev.gauntlet.faults.internal.provider.Runaways;
import dev.gauntlet.faults.spi.FaultInjector;
import dev.gauntlet.faults.spi.FaultSwitch;
import dev.gauntlet.scenario.Fault;
import dev.gauntlet.scenario.FaultSpec;

/**
 * Makes the model of a hit task call tools on every turn and never answer. The draw is per task, so every call of
 * a hit task is hit while the fault is on. Thread-safe.
 */
public final class RunawayLoopInjector implements FaultInjector<Fault.RunawayLoop> {

  private final ActiveFaults provider;

  public RunawayLoopInjector(ActiveFaults provider) {
    this.provider = provider;
  }

  @Override
  public FaultSwitch switchOn(FaultSpec spec, Fault.RunawayLoop fault) {
    return provider.activateTurn(spec, new Runaways(), true);
  }
}
