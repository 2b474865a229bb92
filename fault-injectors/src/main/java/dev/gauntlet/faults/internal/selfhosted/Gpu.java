package dev.gauntlet.faults.internal.selfhosted;

import dev.gauntlet.faults.spi.FaultSwitch;
import dev.gauntlet.run.Seeds;
import dev.gauntlet.run.TimelineEvent;
import dev.gauntlet.scenario.Fault;
import dev.gauntlet.scenario.FaultSpec;
import dev.gauntlet.scenario.Provider;
import java.time.Clock;

/**
 * The simulated device of one self-hosted model server, and the server's life: ready, starting (cold start after a
 * restart) or crashed. Each completion it admits while a leak is on takes the leak's size for good; once the next
 * leak would not fit, the device is full and every completion fails as the leak's {@code on_oom} says until a
 * restart gives the memory back. Times come from the injected clock. Thread-safe: every method is serialised on
 * this object.
 */
final class Gpu {

  /** What the server is doing. */
  enum State {
    READY,
    STARTING,
    CRASHED
  }

  /** The answer the device gives one chat completion. */
  sealed interface Admission {
    /** Served, {@code factor} times slower than unloaded. */
    record Serve(double factor) implements Admission {}

    /** Refused with PyTorch's out-of-memory error: {@code triedMb} would not fit in {@code freeMb}. */
    record OutOfMemory(double triedMb, double freeMb, double usedMb, double totalMb)
        implements Admission {}

    /** Refused with 503: the server is still loading after a restart. */
    record Starting() implements Admission {}

    /** Never answered: the server has crashed. */
    record Crashed() implements Admission {}
  }

  /** Memory and counters at one moment. */
  record Snapshot(
      State state, double usedMb, double totalMb, long inferences, int restarts, int running) {}

  /** What a leak that is on does, and the seed its share of leaking completions is drawn from. */
  private record Leak(FaultSpec spec, Fault.GpuLeak fault, long seed) {}

  private final Provider.SelfHosted spec;
  private final Clock clock;
  private final ServerEvents events;
  private State state = State.READY;
  private double usedMb;
  private long inferences;
  private int restarts;
  private int running;
  private long readyAtMs;

  /** Full since the last restart: every completion fails until the next. */
  private boolean full;

  private double lastLeakMb;
  private Leak leak;

  Gpu(Provider.SelfHosted spec, Clock clock, ServerEvents events) {
    this.spec = spec;
    this.clock = clock;
    this.events = events;
    this.usedMb = spec.baselineMb();
  }

  /** Counts one chat completion against the device, leaking if a leak is on, and says how it is answered. */
  synchronized Admission admit() {
    settle();
    if (state != State.READY) {
      return state == State.CRASHED ? new Admission.Crashed() : new Admission.Starting();
    }
    if (full) {
      return outOfMemory();
    }
    if (leak != null && leaks()) {
      double size = leak.fault().perInferenceMb();
      lastLeakMb = size;
      if (usedMb + size > spec.vramMb()) {
        return fill();
      }
      usedMb += size;
    }
    inferences++;
    running++;
    return new Admission.Serve(spec.latencyFactor(usedMb));
  }

  /** Whether the completion about to be counted leaks: every one, or a seeded share of them. */
  private boolean leaks() {
    double share = leak.spec().probability();
    return share >= 1
        || Seeds.unit(leak.seed(), leak.spec().name(), "inference", inferences) < share;
  }

  /** The first completion that does not fit: the device is full from now on, as the leak says. */
  private Admission fill() {
    full = true;
    if (leak.fault().onOom() == Fault.GpuLeak.OnOom.CRASH) {
      state = State.CRASHED;
      events.event(TimelineEvent.CRASH, clock.millis(), ServerEvents.SERVER);
      return new Admission.Crashed();
    }
    events.event(TimelineEvent.OOM, clock.millis(), ServerEvents.SERVER);
    return outOfMemory();
  }

  private Admission outOfMemory() {
    return new Admission.OutOfMemory(lastLeakMb, spec.vramMb() - usedMb, usedMb, spec.vramMb());
  }

  /** A completion admitted by {@link #admit()} has been answered (or its client has gone). */
  synchronized void finished() {
    running = Math.max(0, running - 1);
  }

  /**
   * Restarts the server, as deleting its pod would: the leaked memory is given back, the server answers again
   * after the cold start, and a leak that is still on goes on leaking then.
   *
   * @param by who asked, for the timeline
   * @return the moment just before the restart and just after it
   */
  synchronized Snapshot[] restart(String by) {
    Snapshot before = snapshot();
    long now = clock.millis();
    usedMb = spec.baselineMb();
    full = false;
    restarts++;
    state = State.STARTING;
    readyAtMs = now + spec.coldStart().toMillis();
    events.event(TimelineEvent.RESTART, now, by);
    settle();
    return new Snapshot[] {before, snapshot()};
  }

  /** Ends a cold start that is over, writing its {@code ready} line at the moment it ended. */
  synchronized void settle() {
    if (state == State.STARTING && clock.millis() >= readyAtMs) {
      state = State.READY;
      events.event(TimelineEvent.READY, readyAtMs, ServerEvents.SERVER);
    }
  }

  synchronized Snapshot snapshot() {
    settle();
    return new Snapshot(state, usedMb, spec.vramMb(), inferences, restarts, running);
  }

  /** Epoch milliseconds when the cold start under way ends (in the past when none is). */
  synchronized long readyAtMs() {
    return readyAtMs;
  }

  /** Switches {@code fault} on until the switch is closed; one leak at a time, the latest winning. */
  synchronized FaultSwitch leak(FaultSpec spec, Fault.GpuLeak fault, long seed) {
    Leak on = new Leak(spec, fault, seed);
    leak = on;
    return () -> {
      synchronized (this) {
        if (leak == on) {
          leak = null;
        }
      }
    };
  }

  Provider.SelfHosted spec() {
    return spec;
  }
}
