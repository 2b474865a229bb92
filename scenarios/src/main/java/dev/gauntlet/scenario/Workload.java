package dev.gauntlet.scenario;

import java.time.Duration;
import java.util.List;

/**
 * How tasks arrive (open model: arrivals do not wait for answers) and how they are sent.
 *
 * @param protocol    task protocol the agent speaks
 * @param profile     arrival stages, run one after the other
 * @param taskTimeout how long one task may take before it counts as failed
 * @param trials       how many times each dataset item is sent in a row (k of pass^k), at least 1
 * @param pollInterval how long an {@link Protocol#ASYNC} task waits between two polls of its state; positive
 * @param warmup       the start of the profile that is run but not judged: tasks started in it count in no metric;
 *                     zero for none, and shorter than the profile
 */
public record Workload(
    Protocol protocol,
    List<Stage> profile,
    Duration taskTimeout,
    int trials,
    Duration pollInterval,
    Duration warmup) {

  /** The poll interval when a scenario names none. */
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(200);

  public Workload {
    profile = List.copyOf(profile);
    if (trials < 1) {
      throw new IllegalArgumentException("trials must be at least 1, but was " + trials);
    }
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("pollInterval must be positive, but was " + pollInterval);
    }
    warmup = warmup == null ? Duration.ZERO : warmup;
    if (warmup.isNegative()) {
      throw new IllegalArgumentException("warmup must not be negative, but was " + warmup);
    }
  }

  /** A workload without a warm-up. */
  public Workload(
      Protocol protocol,
      List<Stage> profile,
      Duration taskTimeout,
      int trials,
      Duration pollInterval) {
    this(protocol, profile, taskTimeout, trials, pollInterval, Duration.ZERO);
  }

  /** A workload polled, when it is asynchronous, every {@link #DEFAULT_POLL_INTERVAL}. */
  public Workload(Protocol protocol, List<Stage> profile, Duration taskTimeout, int trials) {
    this(protocol, profile, taskTimeout, trials, DEFAULT_POLL_INTERVAL);
  }

  /** A workload that sends each item once per pass over the dataset. */
  public Workload(Protocol protocol, List<Stage> profile, Duration taskTimeout) {
    this(protocol, profile, taskTimeout, 1);
  }

  /**
   * How a task is sent and its answer read (the agent's side is in {@code docs/reference-agent.md}).
   * {@code SYNC}: one {@code POST /v1/tasks} answered with the result. {@code ASYNC}: the post carries
   * {@code "async": true} and is answered 202 with a {@code status_url}, polled until the task is done.
   * {@code STREAM}: the post asks for {@code text/event-stream}; the answer's tokens arrive as {@code token} events,
   * the result as a {@code done} event, and the first token's arrival is the task's time to first token.
   */
  public enum Protocol {
    SYNC,
    ASYNC,
    STREAM;

    /** The name scenarios use: {@code sync}, {@code async}, {@code stream}. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Sum of all stage durations. */
  public Duration duration() {
    return profile.stream().map(Stage::duration).reduce(Duration.ZERO, Duration::plus);
  }

  /** Tasks the profile will start, rounded to the nearest whole task. */
  public long expectedTasks() {
    return Math.round(profile.stream().mapToDouble(Stage::expectedTasks).sum());
  }
}
