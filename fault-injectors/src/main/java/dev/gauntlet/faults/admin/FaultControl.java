package dev.gauntlet.faults.admin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the admin API may do to a running fault plane: list its faults, switch them by hand, start its schedule,
 * restart a self-hosted provider's model server.
 * Implementations must be thread-safe: the admin server calls them from its own thread while the schedule switches
 * faults from another.
 */
public interface FaultControl {

  /** Every scenario fault, in scenario order. */
  List<FaultState> faults();

  /**
   * Switches fault {@code name} on now, by hand; the schedule may still switch it off at its window's end.
   *
   * @throws IllegalArgumentException when the scenario has no fault of that name
   * @throws IllegalStateException    when it is already on, or the plane is closed
   */
  FaultState switchOn(String name);

  /**
   * Switches fault {@code name} off now, by hand; the schedule may still switch it on at its window's start.
   *
   * @throws IllegalArgumentException when the scenario has no fault of that name
   * @throws IllegalStateException    when it is already off, or the plane is closed
   */
  FaultState switchOff(String name);

  /**
   * Starts the scenario's schedule now: each fault goes on at the start of its window and off at its end.
   *
   * @throws IllegalStateException when the schedule was already started, or the plane is closed
   */
  void startTimeline();

  /** When the schedule started, or empty if it has not. */
  Optional<Instant> timelineStartedAt();

  /**
   * Restarts self-hosted provider {@code provider}'s model server now: its leaked memory is given back and it
   * answers again after its cold start.
   *
   * @throws IllegalArgumentException when the scenario has no self-hosted provider of that name
   */
  ServerRestart restart(String provider);
}
