package dev.gauntlet.scenario;

import java.time.Duration;
import java.util.List;

/**
 * How tasks arrive (open model: arrivals do not wait for answers) and how they are sent.
 *
 * @param protocol    task protocol the agent speaks
 * @param profile     arrival stages, run one after the other
 * @param taskTimeout how long one task may take before it counts as failed
 */
public record Workload(Protocol protocol, List<Stage> profile, Duration taskTimeout) {

  public Workload {
    profile = List.copyOf(profile);
  }

  /** Task protocols. Only synchronous request/response for now. */
  public enum Protocol { SYNC }

  /** Sum of all stage durations. */
  public Duration duration() {
    return profile.stream().map(Stage::duration).reduce(Duration.ZERO, Duration::plus);
  }

  /** Tasks the profile will start, rounded to the nearest whole task. */
  public long expectedTasks() {
    return Math.round(profile.stream().mapToDouble(Stage::expectedTasks).sum());
  }
}
