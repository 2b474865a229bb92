package dev.gauntlet.faults.spi;

import dev.gauntlet.scenario.FaultSpec;

/**
 * What a provider-mock fault injector may do: make the provider mock answer some calls differently while the fault
 * is on. Which calls is decided by the mock from the envelope: {@link FaultSpec#targets} and
 * {@link FaultSpec#probability}, drawn from the scenario seed per task and call. Thread-safe.
 */
public interface ProviderFaults {

  /**
   * Makes calls hit by {@code spec} answer with {@code answer} until the returned switch is closed.
   */
  FaultSwitch activate(FaultSpec spec, FaultResponse answer);

  /** The answer a provider call hit by a fault gets. Must be thread-safe; it is called per hit call. */
  @FunctionalInterface
  interface FaultResponse {

    /** The response for one hit call. */
    HttpAnswer respond();
  }
}
