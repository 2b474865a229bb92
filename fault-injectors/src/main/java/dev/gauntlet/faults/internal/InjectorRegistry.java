package dev.gauntlet.faults.internal;

import dev.gauntlet.faults.spi.CustomFaultInjector;
import dev.gauntlet.faults.spi.FaultInjector;
import dev.gauntlet.faults.spi.FaultSwitch;
import dev.gauntlet.scenario.Fault;
import dev.gauntlet.scenario.FaultSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One injector per fault record class. Not thread-safe while registering; safe to read once built.
 */
public final class InjectorRegistry {

  private final Map<Class<? extends Fault>, FaultInjector<?>> injectors = new LinkedHashMap<>();
  private final Map<String, FaultInjector<Fault.Custom>> custom = new TreeMap<>();

  /**
   * Every built-in injector, wired to the provider mock's faults, and every {@link CustomFaultInjector} on the class
   * path (the service loader's).
   */
  public static InjectorRegistry standard(ActiveFaults provider) {
    InjectorRegistry registry = new InjectorRegistry();
    for (CustomFaultInjector injector : ServiceLoader.load(CustomFaultInjector.class)) {
      registry.custom.put(
          injector.kind(), (spec, fault) -> injector.switchOn(spec, fault, provider));
    }
    return registry
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
    if (injector(spec) == null) {
      String known =
          Stream.concat(
                  injectors.keySet().stream().map(Class::getSimpleName), custom.keySet().stream())
              .collect(Collectors.joining(", "));
      throw new IllegalArgumentException(
          "faults["
              + spec.name()
              + "] must be one of the kinds with an injector ["
              + known
              + "], but was "
              + (spec.fault() instanceof Fault.Custom c
                  ? c.kind()
                      + " (a custom kind: is its CustomFaultInjector listed in META-INF/services?)"
                  : spec.fault().getClass().getSimpleName()));
    }
  }

  /** Switches {@code spec} on with its kind's injector. */
  public FaultSwitch switchOn(FaultSpec spec) {
    requireInjector(spec);
    return switchOn(injector(spec), spec);
  }

  private FaultInjector<?> injector(FaultSpec spec) {
    return spec.fault() instanceof Fault.Custom c
        ? custom.get(c.kind())
        : injectors.get(spec.fault().getClass());
  }

  @SuppressWarnings("unchecked") // registered under the record's own class, so the cast holds
  private static <F extends Fault> FaultSwitch switchOn(FaultInjector<F> injector, FaultSpec spec) {
    return injector.switchOn(spec, (F) spec.fault());
  }
}
