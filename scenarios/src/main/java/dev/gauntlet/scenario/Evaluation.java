package dev.gauntlet.scenario;

import java.time.Duration;

/**
 * How a run is scored over time.
 *
 * @param bucket        width of the time buckets that time series and recovery are computed on
 * @param rollingWindow span of the rolling success rate and p95 latency that recovery time watches
 * @param minSamples    fewest tasks a metric needs before its SLO can be judged; fewer makes it unresolved
 */
public record Evaluation(Duration bucket, Duration rollingWindow, int minSamples) {

  /** One-second buckets, a five-second rolling window, at least 20 tasks. */
  public static Evaluation defaults() {
    return new Evaluation(Duration.ofSeconds(1), Duration.ofSeconds(5), 20);
  }
}
