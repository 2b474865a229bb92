package dev.gauntlet.scenario;

import java.time.Duration;

/**
 * How a run is scored over time.
 *
 * @param bucket        width of the time buckets that time series and recovery are computed on
 * @param rollingWindow accepted ({@code rolling_window}) so that older scenarios still load; nothing uses it since
 *                      recovery time is measured on tasks by the time they started
 * @param minSamples    fewest tasks a metric needs before its SLO can be judged; fewer makes it unresolved
 * @param maxSendLag    the harness fell behind when its send lag's p99 is over this ({@code max_send_lag})
 * @param minArrivalShare the harness fell behind when any 10 s of the schedule got fewer than this share of its
 *                      planned arrivals sent in it (by send time) ({@code min_arrival_share}, in (0, 1])
 * @param maxSwitchLag  latest a fault may be switched after its scheduled time before the SLOs of its window are
 *                      unresolved (the harness switched it late)
 * @param maxMockLateness highest p99 of the provider mock's lateness against its configured pace, per stretch of
 *                      {@link #MOCK_LATENESS_BUCKET}, before the latency and TTFT SLOs over it are unresolved
 */
public record Evaluation(
    Duration bucket,
    Duration rollingWindow,
    int minSamples,
    Duration maxSendLag,
    double minArrivalShare,
    Duration maxSwitchLag,
    Duration maxMockLateness) {

  /** The send lag p99 over which the harness counts as behind when a scenario names none: 10 ms. */
  public static final Duration DEFAULT_MAX_SEND_LAG = Duration.ofMillis(10);

  /** The share of a 10 s bucket's planned arrivals that must be sent in it when a scenario names none. */
  public static final double DEFAULT_MIN_ARRIVAL_SHARE = 0.99;

  /** How late a scheduled switch may be applied by default. */
  public static final Duration DEFAULT_MAX_SWITCH_LAG = Duration.ofMillis(100);

  /** How late the provider mock's answers may be at p99 by default. */
  public static final Duration DEFAULT_MAX_MOCK_LATENESS = Duration.ofMillis(5);

  /** The stretch of a run over which the provider mock's lateness is taken at p99. */
  public static final Duration MOCK_LATENESS_BUCKET = Duration.ofSeconds(5);

  /** Scoring with the default checks of the harness's own pace and of the fault plane. */
  public Evaluation(Duration bucket, Duration rollingWindow, int minSamples) {
    this(
        bucket,
        rollingWindow,
        minSamples,
        DEFAULT_MAX_SEND_LAG,
        DEFAULT_MIN_ARRIVAL_SHARE,
        DEFAULT_MAX_SWITCH_LAG,
        DEFAULT_MAX_MOCK_LATENESS);
  }

  /** One-second buckets, a five-second rolling window, at least 20 tasks, 10 ms of send lag, 99% of arrivals, 100 ms
   * switch lag, 5 ms mock lateness. */
  public static Evaluation defaults() {
    return new Evaluation(Duration.ofSeconds(1), Duration.ofSeconds(5), 20);
  }
}
