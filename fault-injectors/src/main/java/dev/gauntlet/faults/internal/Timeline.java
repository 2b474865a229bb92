package dev.gauntlet.faults.internal;

import dev.gauntlet.faults.spi.FaultSwitch;
import dev.gauntlet.run.JsonLinesWriter;
import dev.gauntlet.run.TimelineEvent;
import dev.gauntlet.scenario.FaultSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Switches each fault on at the start of its window and off at its end, relative to {@link #start()}, and writes
 * one {@link TimelineEvent} per switch. Delays run on the JVM's monotonic timer; timestamps come from the injected
 * clock. Thread-safe: switching is serialised on this object, so {@link #close()} never races a scheduled switch.
 */
public final class Timeline implements AutoCloseable {

  private final List<FaultSpec> specs;
  private final InjectorRegistry injectors;
  private final JsonLinesWriter<TimelineEvent> out;
  private final Clock clock;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "gauntlet-timeline");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, FaultSwitch> on = new LinkedHashMap<>();
  private Instant t0;
  private boolean closed;

  public Timeline(List<FaultSpec> specs, InjectorRegistry injectors, JsonLinesWriter<TimelineEvent> out,
      Clock clock) {
    this.specs = List.copyOf(specs);
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
      throw new IllegalStateException("timeline must be started once and before close, but was "
          + (closed ? "closed" : "started at " + t0));
    }
    t0 = clock.instant();
    for (FaultSpec spec : specs) {
      schedule(spec.window().start(), () -> switchOn(spec));
      schedule(spec.window().end(), () -> switchOff(spec));
    }
    return t0;
  }

  private void schedule(Duration at, Runnable action) {
    if (at.isZero() || at.isNegative()) {
      action.run();
    } else {
      scheduler.schedule(action, at.toNanos(), TimeUnit.NANOSECONDS);
    }
  }

  private synchronized void switchOn(FaultSpec spec) {
    if (closed || on.containsKey(spec.name())) {
      return;
    }
    on.put(spec.name(), injectors.switchOn(spec));
    write(spec, TimelineEvent.ON);
  }

  private synchronized void switchOff(FaultSpec spec) {
    FaultSwitch active = on.remove(spec.name());
    if (active != null) {
      active.close();
      write(spec, TimelineEvent.OFF);
    }
  }

  private void write(FaultSpec spec, String action) {
    out.write(new TimelineEvent(clock.millis(), spec.name(), spec.fault().kind(), action, spec.provider()));
  }

  /** Stops the schedule and switches off every fault still on, logging an {@code off} for each. Idempotent. */
  @Override
  public void close() {
    scheduler.shutdownNow();
    synchronized (this) {
      closed = true;
      for (FaultSpec spec : specs) {
        switchOff(spec);
      }
    }
  }
}
