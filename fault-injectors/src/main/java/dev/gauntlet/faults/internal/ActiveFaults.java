package dev.gauntlet.faults.internal;

import dev.gauntlet.faults.spi.FaultSwitch;
import dev.gauntlet.faults.spi.ProviderFaults;
import dev.gauntlet.run.Seeds;
import dev.gauntlet.scenario.FaultSpec;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The provider faults that are on now, and the per-call decision whether one of them hits. Thread-safe: faults are
 * switched rarely and read on every call, hence copy-on-write.
 */
public final class ActiveFaults implements ProviderFaults {

  /** A fault that is on, with the answer it gives. Compared by identity, so equal specs stay distinct. */
  public static final class Active {
    private final FaultSpec spec;
    private final FaultResponse response;

    Active(FaultSpec spec, FaultResponse response) {
      this.spec = spec;
      this.response = response;
    }

    public FaultSpec spec() {
      return spec;
    }

    public FaultResponse response() {
      return response;
    }
  }

  private final long seed;
  private final List<Active> active = new CopyOnWriteArrayList<>();

  public ActiveFaults(long seed) {
    this.seed = seed;
  }

  @Override
  public FaultSwitch activate(FaultSpec spec, FaultResponse answer) {
    Active entry = new Active(spec, answer);
    active.add(entry);
    return () -> active.removeIf(a -> a == entry);
  }

  /**
   * The first fault, in the order switched on, that targets this call and whose seeded draw for
   * {@code (name, taskKey, callIndex)} falls under its probability; a rerun with the same seed decides the same.
   */
  public Optional<Active> decide(String provider, String model, String taskKey, int callIndex) {
    for (Active a : active) {
      FaultSpec spec = a.spec();
      if (spec.targets(provider, model) && Seeds.unit(seed, spec.name(), taskKey, callIndex) < spec.probability()) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}
