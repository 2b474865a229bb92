package dev.gauntlet.faults.spi;

import dev.gauntlet.scenario.Fault;
import dev.gauntlet.scenario.FaultSpec;

/**
 * Switches one kind of fault on. Adding a fault kind means adding a {@link Fault} record and one injector, and
 * registering the injector under the record's class.
 *
 * <p>Implementations must be thread-safe: the timeline switches faults on and off from its own thread while the
 * mocks serve calls.
 *
 * @param <F> the fault record this injector handles
 */
@FunctionalInterface
public interface FaultInjector<F extends Fault> {

  /**
   * Switches {@code fault} on, as described by its envelope {@code spec}.
   *
   * @return a switch whose {@link FaultSwitch#close()} switches the fault off again
   */
  FaultSwitch switchOn(FaultSpec spec, F fault);
}
