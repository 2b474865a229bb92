package dev.gauntlet.faults.internal;

import dev.gauntlet.faults.spi.FaultSwitch;
import dev.gauntlet.run.Seeds;
import dev.gauntlet.scenario.Fault;
import dev.gauntlet.scenario.FaultSpec;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;

/**
 * The latency faults that are on now, and the pace of each call they hit. Latency slows an answer down without
 * replacing it, so it combines with any other fault that leaves the call answered. Thread-safe: faults are switched
 * rarely and read on every call, hence copy-on-write.
 */
public final class Latencies {

  private record Entry(FaultSpec spec, Fault.Latency latency) {}

  private final long seed;
  private final List<Entry> active = new CopyOnWriteArrayList<>();

  public Latencies(long seed) {
    this.seed = seed;
  }

  /** Slows the calls {@code spec} hits until the returned switch is closed. */
  public FaultSwitch activate(FaultSpec spec, Fault.Latency latency) {
    Entry entry = new Entry(spec, latency);
    active.add(entry);
    return () -> active.removeIf(e -> e == entry);
  }

  /**
   * The pace of the first latency fault, in the order switched on, that targets this call and whose seeded draw
   * for {@code (name, taskKey, callIndex)} falls under its probability; the pace then draws from the same
   * generator, so a rerun with the same seed slows the same calls by the same amounts.
   */
  public Optional<Pace> pace(String provider, String model, String taskKey, int callIndex) {
    for (Entry e : active) {
      if (e.spec().targets(provider, model)) {
        RandomGenerator random = Seeds.generator(seed, e.spec().name(), taskKey, callIndex);
        if (random.nextDouble() < e.spec().probability()) {
          return Optional.of(Pace.draw(e.spec().name(), e.latency(), random));
        }
      }
    }
    return Optional.empty();
  }
}
