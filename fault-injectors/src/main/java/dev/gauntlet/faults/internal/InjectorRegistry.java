package dev.gauntlet.faults.internal;

import dev.gauntlet.faults.spi.FaultInjector;
import dev.gauntlet.faults.spi.FaultSwitch;
import dev.gauntlet.scenario.Fault;
import dev.gauntlet.scenario.FaultSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One injector per fault record class. Not thread-safe while registering; safe to read once built.
 */
public final class InjectorRegistry {

  private final Map<Class<? extends Fault>, FaultInjector<?>> injectors = new LinkedHashMap<>();

  /** Every built-in injector, wired to the provider mock's faults. */
  public static InjectorRegistry standard(ActiveFaults provider) {
    return new InjectorRegistry()
        .register(Fault.Outage.class, new OutageInjector(provider))
        .register(Fault.RateLimit.class, new RateLimitInjector(provider))
        .register(Fault.HallucinatedTool.class, new HallucinatedToolInjector(provider))
        .register(Fault.MalformedOutput.class, new MalformedOutputInjector(provider))
        .register(Fault.RunawayLoop.class, new RunawayLoopInjector(provider))
        .register(Fault.UnsafeAction.class, new UnsafeActionInjector(provider))
        .register(Fault.Latency.class, new LatencyInjector(provider));
  }

  public <F extends Fault> InjectorRegistry register(Class<F> kind, FaultInjector<F> injector) {
    injectors.put(kind, injector);
    return this;
  }

  /** Throws when {@code spec}'s fault has no injector, naming the kinds that do. */
  public void requireInjector(FaultSpec spec) {
    if (!injectors.containsKey(spec.fault().getClass())) {
      String known =
          injectors.keySet().stream().map(Class::getSimpleName).collect(Collectors.joining(", "));
      throw new IllegalArgumentException(
          "faults["
              + spec.name()
              + "] must be one of the kinds with an injector ["
              + known
              + "], but was "
              + spec.fault().getClass().getSimpleName());
    }
  }

  /** Switches {@code spec} on with its kind's injector. */
  public FaultSwitch switchOn(FaultSpec spec) {
    requireInjector(spec);
    return switchOn(injectors.get(spec.fault().getClass()), spec);
  }

  @SuppressWarnings("unchecked") // registered under the record's own class, so the cast holds
  private static <F extends Fault> FaultSwitch switchOn(FaultInjector<F> injector, FaultSpec spec) {
    return injector.switchOn(spec, (F) spec.fault());
  }
}
