package dev.gauntlet.faults.internal;

import dev.gauntlet.faults.spi.FaultInjector;
import dev.gauntlet.faults.spi.FaultSwitch;
import dev.gauntlet.scenario.Fault;
import dev.gauntlet.scenario.FaultSpec;

/**
 * Makes hit provider calls slow: the answer is served as it would be, but its first byte only after the drawn time
 * to first token, and the rest at the drawn generation speed ({@link Pace}). Thread-safe.
 */
public final class LatencyInjector implements FaultInjector<Fault.Latency> {

  private final Latencies latencies;

  public LatencyInjector(ActiveFaults provider) {
    this.latencies = provider.latencies();
  }

  @Override
  public FaultSwitch switchOn(FaultSpec spec, Fault.Latency fault) {
    return latencies.activate(spec, fault);
  }
}
