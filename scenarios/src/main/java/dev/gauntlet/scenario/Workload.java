package dev.gauntlet.scenario;

import java.time.Duration;
import java.util.List;

/**
 * How tasks arrive (open model: arrivals do not wait for answers) and how they are sent.
 *
 * @param protocol    task protocol the agent speaks
 * @param profile     arrival stages, run one after the other
 * @param taskTimeout how long one task may take before it counts as failed
 * @param trials      how many times each dataset item is sent in a row (k of pass^k), at least 1
 */
public record Workload(Protocol protocol, List<Stage> profile, Duration taskTimeout, int trials) {

  public Workload {
    profile = List.copyOf(profile);
    if (trials < 1) {
      throw new IllegalArgumentException("trials must be at least 1, but was " + trials);
    }
  }

  /** A workload that sends each item once per pass over the dataset. */
  public Workload(Protocol protocol, List<Stage> profile, Duration taskTimeout) {
    this(protocol, profile, taskTimeout, 1);
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
