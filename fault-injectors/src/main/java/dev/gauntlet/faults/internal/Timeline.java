package dev.gauntlet.faults.internal;

import dev.gauntlet.faults.admin.FaultState;
import dev.gauntlet.faults.spi.FaultSwitch;
import dev.gauntlet.run.JsonLinesWriter;
import dev.gauntlet.run.TimelineEvent;
import dev.gauntlet.scenario.FaultSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Switches each fault on at the start of its window and off at its end, relative to {@link #start()}, lets faults
 * be switched by hand at any time, and writes one timeline line per switch saying who made it. Delays run on the
 * JVM's monotonic timer; timestamps come from the injected clock.
 *
 * <p>The schedule and the hand never fight: each switch applies to the fault as it is at that moment, so a fault
 * switched on by hand goes off when its window ends, and one switched off by hand goes on when its window starts.
 * A scheduled switch that would change nothing writes nothing; a manual one is refused.
 *
 * <p>Thread-safe: every switch is serialised on this object, so {@link #close()} never races a scheduled switch.
 */
public final class Timeline implements AutoCloseable {

  /** {@code by} of the {@code off} lines that {@link #close()} writes; schedule and hand use FaultState's. */
  static final String SHUTDOWN = "shutdown";

  /**
   * One line of {@code timeline.jsonl}: a {@link TimelineEvent} plus {@code by}, who switched. Readers of
   * {@link TimelineEvent} ignore {@code by}. {@code tsMs} is when the switch was applied (the injector had switched);
   * {@code scheduledMs}, for the schedule's switches only, when the schedule wanted it (t0 plus the window's edge).
   */
  public record Line(
      long tsMs,
      String fault,
      String kind,
      String action,
      String provider,
      String by,
      Long scheduledMs) {

    /** A line of a switch that was not scheduled: by hand, at shutdown, or a server's own event. */
    public Line(long tsMs, String fault, String kind, String action, String provider, String by) {
      this(tsMs, fault, kind, action, provider, by, null);
    }
  }

  private record Switched(String source, long atMs) {}

  private final Map<String, FaultSpec> specs = new LinkedHashMap<>();
  private final InjectorRegistry injectors;
  private final JsonLinesWriter<Line> out;
  private final Clock clock;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "gauntlet-timeline");
            t.setDaemon(true);
            return t;
          });
  private final Map<String, FaultSwitch> on = new LinkedHashMap<>();
  private final Map<String, Switched> last = new HashMap<>();
  private Instant t0;
  private boolean closed;

  public Timeline(
      List<FaultSpec> specs, InjectorRegistry injectors, JsonLinesWriter<Line> out, Clock clock) {
    specs.forEach(spec -> this.specs.put(spec.name(), spec));
    this.injectors = injectors;
    this.out = out;
    this.clock = clock;
  }

  /**
   * Sets t0 to now and schedules every window. Windows that start at zero are on when this returns.
   *
   * @throws IllegalStateException when already started or closed
   */
  public synchronized Instant start() {
    if (t0 != null || closed) {
      throw new IllegalStateException(
          "timeline must be started once and before close, but was "
              + (closed ? "closed" : "started at " + t0));
    }
    t0 = clock.instant();
    for (FaultSpec spec : specs.values()) {
      schedule(spec.window().start(), () -> scheduled(spec, true, due(spec.window().start())));
      schedule(spec.window().end(), () -> scheduled(spec, false, due(spec.window().end())));
    }
    return t0;
  }

  /** When {@link #start()} was called, or empty. */
  public synchronized Optional<Instant> startedAt() {
    return Optional.ofNullable(t0);
  }

  /** Every fault as it stands now, in scenario order. */
  public synchronized List<FaultState> states() {
    return specs.values().stream().map(this::state).toList();
  }

  /**
   * Switches {@code name} on by hand.
   *
   * @throws IllegalArgumentException when there is no such fault
   * @throws IllegalStateException    when it is on already, or the timeline is closed
   */
  public synchronized FaultState switchOn(String name) {
    FaultSpec spec = manual(name, true);
    turnOn(spec, FaultState.MANUAL);
    return state(spec);
  }

  /**
   * Switches {@code name} off by hand.
   *
   * @throws IllegalArgumentException when there is no such fault
   * @throws IllegalStateException    when it is off already, or the timeline is closed
   */
  public synchronized FaultState switchOff(String name) {
    FaultSpec spec = manual(name, false);
    turnOff(spec, FaultState.MANUAL);
    return state(spec);
  }

  private FaultSpec manual(String name, boolean wantOn) {
    FaultSpec spec = specs.get(name);
    if (spec == null) {
      throw new IllegalArgumentException(
          "fault must be one of " + specs.keySet() + ", but was '" + name + "'");
    }
    if (closed) {
      throw new IllegalStateException(
          "fault '" + name + "' cannot be switched: the fault plane is closed");
    }
    if (on.containsKey(name) == wantOn) {
      Switched by = last.get(name);
      throw new IllegalStateException(
          "fault '"
              + name
              + "' is already "
              + (wantOn ? "on" : "off")
              + (by == null
                  ? ""
                  : " (switched "
                      + (wantOn ? "on" : "off")
                      + " by "
                      + (FaultState.MANUAL.equals(by.source()) ? "hand" : "the " + by.source())
                      + ")")
              + "; switch it "
              + (wantOn ? "off" : "on")
              + " first");
    }
    return spec;
  }

  private void schedule(Duration at, Runnable action) {
    if (at.isZero() || at.isNegative()) {
      action.run();
    } else {
      scheduler.schedule(action, at.toNanos(), TimeUnit.NANOSECONDS);
    }
  }

  /** Epoch milliseconds of t0 plus {@code at}: when the schedule wants a switch. */
  private long due(Duration at) {
    return t0.plus(at.isNegative() ? Duration.ZERO : at).toEpochMilli();
  }

  private synchronized void scheduled(FaultSpec spec, boolean switchOn, long dueMs) {
    if (closed || on.containsKey(spec.name()) == switchOn) {
      return; // already as the schedule wants it, by hand or by an earlier window
    }
    if (switchOn) {
      turnOn(spec, FaultState.SCHEDULE, dueMs);
    } else {
      turnOff(spec, FaultState.SCHEDULE, dueMs);
    }
  }

  private void turnOn(FaultSpec spec, String by) {
    turnOn(spec, by, null);
  }

  private void turnOn(FaultSpec spec, String by, Long dueMs) {
    on.put(spec.name(), injectors.switchOn(spec));
    write(spec, TimelineEvent.ON, by, dueMs);
  }

  private void turnOff(FaultSpec spec, String by) {
    turnOff(spec, by, null);
  }

  private void turnOff(FaultSpec spec, String by, Long dueMs) {
    FaultSwitch active = on.remove(spec.name());
    if (active != null) {
      active.close();
      write(spec, TimelineEvent.OFF, by, dueMs);
    }
  }

  /** Writes the line once the injector has switched: {@code tsMs} is when the switch took effect. */
  private void write(FaultSpec spec, String action, String by, Long dueMs) {
    long now = clock.millis();
    last.put(spec.name(), new Switched(by, now));
    out.write(new Line(now, spec.name(), spec.fault().kind(), action, spec.provider(), by, dueMs));
  }

  private FaultState state(FaultSpec spec) {
    Switched by = last.get(spec.name());
    return new FaultState(
        spec.name(),
        spec.fault().kind(),
        spec.provider(),
        spec.model(),
        spec.window(),
        on.containsKey(spec.name()),
        by == null || SHUTDOWN.equals(by.source()) ? FaultState.SCHEDULE : by.source(),
        by == null ? null : by.atMs());
  }

  /** Stops the schedule and switches off every fault still on, logging an {@code off} for each. Idempotent. */
  @Override
  public void close() {
    scheduler.shutdownNow();
    synchronized (this) {
      closed = true;
      for (FaultSpec spec : specs.values()) {
        turnOff(spec, SHUTDOWN);
      }
    }
  }
}
