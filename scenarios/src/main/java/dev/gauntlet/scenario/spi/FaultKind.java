package dev.gauntlet.scenario.spi;

/**
 * A fault kind from outside Gauntlet, as the scenario loader sees it: its name and how its own keys are read. Found
 * with {@link java.util.ServiceLoader}: list the implementing class in
 * {@code META-INF/services/dev.gauntlet.scenario.spi.FaultKind} on the class path. The fault plane switches it on
 * with the {@code dev.gauntlet.faults.spi.CustomFaultInjector} of the same name ({@code docs/faults.md}, "Adding a
 * kind"). Implementations must be stateless and thread-safe.
 */
public interface FaultKind {

  /** Its {@code kind:} in scenario files: snake_case, and not the name of a built-in kind. */
  String name();

  /**
   * Reads the keys of one fault entry besides the envelope every fault shares ({@code name}, {@code kind},
   * {@code window}, {@code probability}, {@code provider}, {@code model}). Read every key the kind knows, through
   * {@code settings}: what it reads becomes {@code Fault.Custom.settings()}, each mistake is reported with its file,
   * line and column, and a key never read is reported as unknown.
   */
  void read(FaultSettings settings);
}
