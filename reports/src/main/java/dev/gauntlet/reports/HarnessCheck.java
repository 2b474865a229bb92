package dev.gauntlet.reports;

import java.util.Set;

/**
 * Whether the harness kept to its own schedule: each task's send lag (when its request went out less when the profile
 * scheduled its arrival) and, per {@link #BUCKET_MS} of the schedule, the arrivals sent in it (by their send time)
 * as a share of those it planned. When it fell behind, the SLOs on {@link #RATE_DEPENDENT} metrics are unresolved with
 * {@link #message()}: the load the agent saw was not the scenario's. Immutable and thread-safe.
 *
 * @param checked         false when the records carry no scheduled arrival (runs recorded before it existed): the
 *                        check was skipped, and every other field is empty
 * @param sendLagP50Ms    median send lag, milliseconds
 * @param sendLagP99Ms    99th percentile of the send lag, milliseconds
 * @param sendLagMaxMs    largest send lag, milliseconds
 * @param samples         tasks behind the send lag (those started after the warm-up)
 * @param maxSendLagMs    the p99 over which the harness counts as behind ({@code evaluation.max_send_lag})
 * @param minArrivalShare the share under which a bucket counts as behind ({@code evaluation.min_arrival_share})
 * @param buckets         buckets of the schedule checked
 * @param worstShare      the lowest share of a bucket's planned arrivals sent in it, null without buckets
 * @param worstBucketS    where that bucket starts, seconds from the first arrival
 * @param worstPlanned    arrivals that bucket planned
 * @param worstOnTime     arrivals sent in that bucket (at most its planned)
 * @param fellBehind      whether the send lag p99 or any bucket's share broke its threshold
 * @param message         why the harness counts as behind, naming it as the cause; null when it kept up
 * @param arrivalsStartMs epoch milliseconds of the schedule's estimated zero: when Gatling began injecting (the
 *                        workload's {@code started_ms}, which fault windows count from, is taken before Gatling has
 *                        built its engine, so arrivals start some hundreds of milliseconds after it); 0 unchecked
 */
public record HarnessCheck(
    boolean checked,
    long sendLagP50Ms,
    long sendLagP99Ms,
    long sendLagMaxMs,
    long samples,
    long maxSendLagMs,
    double minArrivalShare,
    int buckets,
    Double worstShare,
    long worstBucketS,
    long worstPlanned,
    long worstOnTime,
    boolean fellBehind,
    String message,
    long arrivalsStartMs) {

  /**
   * The harness's own start-up, judged by neither check when the workload's warm-up is shorter: its first arrivals go
   * out while its JIT is cold (and the agent's and the mocks' JITs compete for the same cores). Measured on smoke
   * runs on a quiet 2-core machine: the arrivals of the first 2 to 2.5 s went out 15 to 25 ms late, those after it
   * within a millisecond or two, so a 2 s start-up left the pace check calling a third of those runs behind.
   * A transient that says nothing of whether the harness can hold the rate.
   */
  public static final long STARTUP_MS = 5_000;

  /** The start-up a profile of {@code durationMs} is judged after: {@link #STARTUP_MS}, or half of a short one. */
  public static long startupMs(long durationMs) {
    return Math.min(STARTUP_MS, durationMs / 2);
  }

  /**
   * The fewest arrivals that must be late (sent more than {@code max_send_lag} after their schedule), or missing from
   * a 10 s bucket, before either check calls the harness behind. A single stall of the machine (a collection, a vCPU
   * the hypervisor held back) makes two or three arrivals of a 10-tasks/s run late by 100 ms or more: in a 30 s run
   * that is over 1% of them, yet it says nothing of whether the harness holds the rate. Measured on 16 smoke runs on a
   * quiet 2-core machine: 1 to 7 late arrivals each; at 60,000 tasks/min, where the harness does fall behind, 202.
   */
  public static final int MIN_LATE = 10;

  /** Width of the schedule buckets whose arrivals are counted. */
  public static final long BUCKET_MS = 10_000;

  /**
   * The metrics that depend on the arrival rate, or on the harness reading answers on time: a harness that fell behind
   * changed the load (achieved_rate, goodput, latency, time to first token, and so success_rate, which counts
   * timeouts read on the harness's clock, and recovery_time, made of success and latency). Accuracy, pass^k, cost,
   * hallucinated calls and leaks depend on what the agent answered, not when.
   */
  public static final Set<String> RATE_DEPENDENT =
      Set.of(
          "achieved_rate",
          "goodput",
          "success_rate",
          "latency.p50",
          "latency.p95",
          "latency.p99",
          "latency.max",
          "ttft.p50",
          "ttft.p95",
          "ttft.p99",
          "recovery_time",
          "failover_time",
          "time_to_detect");

  /** A check that could not run, as on records without a scheduled arrival. */
  public static HarnessCheck skipped() {
    return new HarnessCheck(false, 0, 0, 0, 0, 0, 0, 0, null, 0, 0, 0, false, null, 0);
  }

  /** Whether an SLO on {@code metric} is unresolved because the harness fell behind. */
  public boolean voids(String metric) {
    return fellBehind && RATE_DEPENDENT.contains(metric);
  }

  /** One line for the console and summary.md. */
  public String summary() {
    if (!checked) {
      return "harness pace: not checked (the records carry no scheduled arrival)";
    }
    String lag =
        "send lag p50 "
            + sendLagP50Ms
            + " ms, p99 "
            + sendLagP99Ms
            + " ms, max "
            + sendLagMaxMs
            + " ms";
    String share =
        worstShare == null
            ? ""
            : String.format(
                java.util.Locale.ROOT,
                "; worst 10 s sent %d of %d planned arrivals (%.1f%%)",
                worstOnTime,
                worstPlanned,
                100 * worstShare);
    return "harness pace: "
        + lag
        + share
        + (fellBehind ? " — FELL BEHIND: " + message : " — kept up");
  }
}
