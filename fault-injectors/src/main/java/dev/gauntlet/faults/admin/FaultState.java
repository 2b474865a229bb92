package dev.gauntlet.faults.admin;

import dev.gauntlet.scenario.Window;

/**
 * One scenario fault as it stands now. Immutable and thread-safe; a snapshot, never updated.
 *
 * @param name     the fault's name in the scenario
 * @param kind     its kind ({@code outage}, {@code rate_limit}, …)
 * @param provider the provider it targets, null for every provider
 * @param model    the model it targets, null for every model
 * @param window   when the schedule switches it on, relative to the schedule's start
 * @param on       whether it is on now
 * @param source   who made it what it is now: {@link #SCHEDULE} (also before anything switched it) or {@link #MANUAL}
 * @param sinceMs  epoch milliseconds of its last switch, null if it was never switched
 */
public record FaultState(
    String name,
    String kind,
    String provider,
    String model,
    Window window,
    boolean on,
    String source,
    Long sinceMs) {

  /** Switched by the scenario's timeline, or waiting for it. */
  public static final String SCHEDULE = "schedule";

  /** Switched by hand, through the admin API or {@code FaultPlane.switchOn/switchOff}. */
  public static final String MANUAL = "manual";
}
