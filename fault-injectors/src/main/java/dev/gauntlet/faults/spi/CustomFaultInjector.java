package dev.gauntlet.faults.spi;

import dev.gauntlet.scenario.Fault;
import dev.gauntlet.scenario.FaultSpec;

/**
 * Switches on a fault kind from outside Gauntlet: the fault plane's side of a {@code dev.gauntlet.scenario.spi.FaultKind}
 * of the same {@link #kind() name}. Found with {@link java.util.ServiceLoader}: list the implementing class in
 * {@code META-INF/services/dev.gauntlet.faults.spi.CustomFaultInjector}. One class may implement both interfaces.
 *
 * <p>Implementations must be thread-safe: the timeline switches faults on and off from its own thread while the
 * mocks serve calls.
 */
public interface CustomFaultInjector {

  /** The {@code kind:} it switches on, as its {@code FaultKind} names it. */
  String kind();

  /**
   * Switches {@code fault} on, as its envelope {@code spec} says (window, targets, probability), through the provider
   * mock's {@code provider}: calls it hits answer what the injector's {@link ProviderFaults.FaultResponse} returns.
   *
   * @return a switch whose {@link FaultSwitch#close()} switches the fault off again
   */
  FaultSwitch switchOn(FaultSpec spec, Fault.Custom fault, ProviderFaults provider);
}
