package dev.gauntlet.scenario;

import java.time.Duration;

/**
 * How a run is scored over time.
 *
 * @param bucket        width of the time buckets that time series and recovery are computed on
 * @param rollingWindow span of the rolling success rate and p95 latency that recovery time watches
 * @param minSamples    fewest tasks a metric needs before its SLO can be judged; fewer makes it unresolved
 * @param maxSwitchLag  latest a fault may be switched after its scheduled time before the SLOs of its window are
 *                      unresolved (the harness switched it late)
 * @param maxMockLateness highest p99 of the provider mock's lateness against its configured pace, per stretch of
 *                      {@link #MOCK_LATENESS_BUCKET}, before the latency and TTFT SLOs over it are unresolved
 */
public record Evaluation(Duration bucket, Duration rollingWindow, int minSamples, Duration maxSwitchLag,
    Duration maxMockLateness) {

  /** How late a scheduled switch may be applied by default. */
  public static final Duration DEFAULT_MAX_SWITCH_LAG = Duration.ofMillis(100);
  /** How late the provider mock's answers may be at p99 by default. */
  public static final Duration DEFAULT_MAX_MOCK_LATENESS = Duration.ofMillis(5);
  /** The stretch of a run over which the provider mock's lateness is taken at p99. */
  public static final Duration MOCK_LATENESS_BUCKET = Duration.ofSeconds(5);

  /** An evaluation with the default harness tolerances. */
  public Evaluation(Duration bucket, Duration rollingWindow, int minSamples) {
    this(bucket, rollingWindow, minSamples, DEFAULT_MAX_SWITCH_LAG, DEFAULT_MAX_MOCK_LATENESS);
  }

  /** One-second buckets, a five-second rolling window, at least 20 tasks, 100 ms switch lag, 5 ms mock lateness. */
  public static Evaluation defaults() {
    return new Evaluation(Duration.ofSeconds(1), Duration.ofSeconds(5), 20);
  }
}
