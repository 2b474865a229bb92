package dev.gauntlet.scenario;

import java.time.Duration;

/**
 * When a fault is on, relative to the start of the workload.
 */
public record Window(Duration start, Duration duration) {

  /** The end of the window, relative to the start of the workload. */
  public Duration end() {
    return start.plus(duration);
  }

  /** Whether {@code offset} from the start of the workload lies inside the window (start inclusive). */
  public boolean contains(Duration offset) {
    return offset.compareTo(start) >= 0 && offset.compareTo(end()) < 0;
  }
}
