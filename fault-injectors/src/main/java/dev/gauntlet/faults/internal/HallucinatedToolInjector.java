package dev.gauntlet.faults.internal;

import dev.gauntlet.faults.internal.provider.Hallucinations;
import dev.gauntlet.faults.spi.FaultInjector;
import dev.gauntlet.faults.spi.FaultSwitch;
import dev.gauntlet.scenario.Fault;
import dev.gauntlet.scenario.FaultSpec;

/** Makes the model's tool calls in hit provider calls hallucinated, as the variant says. Thread-safe. */
public final class HallucinatedToolInjector implements FaultInjector<Fault.HallucinatedTool> {

  private final ActiveFaults provider;

  public HallucinatedToolInjector(ActiveFaults provider) {
    this.provider = provider;
  }

  @Override
  public FaultSwitch switchOn(FaultSpec spec, Fault.HallucinatedTool fault) {
    return provider.activateTurn(spec, new Hallucinations(fault.variant()), false);
  }
}
