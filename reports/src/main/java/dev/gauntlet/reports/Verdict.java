package dev.gauntlet.reports;

import dev.gauntlet.run.RunInfo;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The result of evaluating a run: every SLO with its measured value and status, the full metrics block and the
 * fault windows. Immutable and thread-safe.
 *
 * <p>The status is {@link Status#FAILED} when any SLO failed; otherwise {@link Status#UNRESOLVED} when any SLO is
 * unresolved <em>or the run did not complete</em> (interrupted, target died, still running, no run.json), since
 * SLOs that pass on part of a run do not show that the whole run would; otherwise {@link Status#PASSED}.
 *
 * @param scenario      scenario name
 * @param seed          the seed the run drew from, printed so a failing run can be repeated
 * @param outcome       from run.json: {@code completed}, {@code interrupted}, {@code target_died}, {@code running},
 *                      or {@code unknown} without run.json
 * @param outcomeDetail a sentence on the outcome, or null
 * @param tasks         tasks in records.jsonl
 * @param startedMs     epoch milliseconds the workload started, 0 when unknown
 * @param endedMs       epoch milliseconds it ended, 0 when unknown
 * @param metrics       every metric over the whole run, in a fixed order; a null value could not be measured
 * @param slos          the SLOs in scenario order
 * @param faultWindows  the fault windows in start order
 * @param samples       per metric of {@code metrics}, how many tasks (or items, for pass^k) are behind it; absent
 *                      where a count does not apply, so that a comparison can tell noise from change
 * @param series        the run's time buckets in time order (series.jsonl); empty when no task or ledger entry
 *                      was read
 * @param harness       whether the harness kept to its schedule ({@link HarnessCheck}); skipped when unknown
 * @param warmup        the start of the workload left out of every metric; zero for none
 * @param faultPlaneChecks the fault plane's checks of itself ({@link FaultPlaneCheck}); they act on the verdict
 *                      through the SLOs they leave unresolved, not on their own
 */
public record Verdict(
    String scenario,
    long seed,
    String outcome,
    String outcomeDetail,
    long tasks,
    long startedMs,
    long endedMs,
    Map<String, Double> metrics,
    List<SloResult> slos,
    List<FaultWindowResult> faultWindows,
    Map<String, Long> samples,
    List<TimeBucket> series,
    HarnessCheck harness,
    java.time.Duration warmup,
    List<FaultPlaneCheck> faultPlaneChecks) {

  /** Outcome written when run.json is missing or unreadable. */
  public static final String UNKNOWN_OUTCOME = "unknown";

  public Verdict {
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    slos = List.copyOf(slos);
    faultWindows = List.copyOf(faultWindows);
    samples = Collections.unmodifiableMap(new LinkedHashMap<>(samples));
    series = List.copyOf(series);
    harness = harness == null ? HarnessCheck.skipped() : harness;
    warmup = warmup == null ? java.time.Duration.ZERO : warmup;
    faultPlaneChecks = faultPlaneChecks == null ? List.of() : List.copyOf(faultPlaneChecks);
  }

  /** A verdict without a check of the harness's pace, a warm-up, nor checks of the fault plane. */
  public Verdict(
      String scenario,
      long seed,
      String outcome,
      String outcomeDetail,
      long tasks,
      long startedMs,
      long endedMs,
      Map<String, Double> metrics,
      List<SloResult> slos,
      List<FaultWindowResult> faultWindows,
      Map<String, Long> samples,
      List<TimeBucket> series) {
    this(
        scenario,
        seed,
        outcome,
        outcomeDetail,
        tasks,
        startedMs,
        endedMs,
        metrics,
        slos,
        faultWindows,
        samples,
        series,
        null,
        null,
        List.of());
  }

  /** A verdict without a series. */
  public Verdict(
      String scenario,
      long seed,
      String outcome,
      String outcomeDetail,
      long tasks,
      long startedMs,
      long endedMs,
      Map<String, Double> metrics,
      List<SloResult> slos,
      List<FaultWindowResult> faultWindows,
      Map<String, Long> samples) {
    this(
        scenario,
        seed,
        outcome,
        outcomeDetail,
        tasks,
        startedMs,
        endedMs,
        metrics,
        slos,
        faultWindows,
        samples,
        List.of());
  }

  /** A verdict without sample counts nor series. */
  public Verdict(
      String scenario,
      long seed,
      String outcome,
      String outcomeDetail,
      long tasks,
      long startedMs,
      long endedMs,
      Map<String, Double> metrics,
      List<SloResult> slos,
      List<FaultWindowResult> faultWindows) {
    this(
        scenario,
        seed,
        outcome,
        outcomeDetail,
        tasks,
        startedMs,
        endedMs,
        metrics,
        slos,
        faultWindows,
        Map.of());
  }

  /**
   * Below this share of the target arrival rate the load was not what the scenario asked for, so nothing measured
   * under it can pass: the injector (this machine) fell behind, whatever the agent did.
   */
  public static final double INJECTOR_TOLERANCE = 0.95;

  /**
   * Failed if any SLO failed; unresolved if any is unresolved, the run did not complete or the injector fell behind;
   * passed otherwise.
   */
  /**
   * The first task start (epoch ms) a run's metrics count: its workload's start plus the warm-up, which no metric,
   * test or report view but the charts over time counts; {@link Long#MIN_VALUE} (every task) when the start is
   * unknown.
   */
  public static long judgedFrom(long startedMs, java.time.Duration warmup) {
    return startedMs > 0 ? startedMs + warmup.toMillis() : Long.MIN_VALUE;
  }

  /** {@link #judgedFrom} of this run. */
  public long judgedFromMs() {
    return judgedFrom(startedMs, warmup);
  }

  public Status status() {
    if (!withStatus(Status.FAILED).isEmpty()) {
      return Status.FAILED;
    }
    boolean judged =
        withStatus(Status.UNRESOLVED).isEmpty() && runCompleted() && !injectorFellBehind();
    return judged ? Status.PASSED : Status.UNRESOLVED;
  }

  /** Whether fewer tasks arrived than {@link #INJECTOR_TOLERANCE} of the profile's rate. */
  public boolean injectorFellBehind() {
    Double achieved = metrics.get("achieved_rate");
    return achieved != null && achieved < INJECTOR_TOLERANCE;
  }

  /** Whether a harness check found the harness at fault (shown beside the verdict; the SLOs carry the outcome). */
  public boolean faultPlaneAtFault() {
    return faultPlaneChecks.stream().anyMatch(FaultPlaneCheck::unresolved);
  }

  /** 0 when passed, 2 when an SLO failed, 3 when unresolved (design.md's exit codes). */
  public int exitCode() {
    return switch (status()) {
      case PASSED -> 0;
      case FAILED -> 2;
      case UNRESOLVED -> 3;
    };
  }

  /** Whether run.json says the workload ran to its end. */
  public boolean runCompleted() {
    return RunInfo.COMPLETED.equals(outcome);
  }

  /** The SLOs with {@code status}, in scenario order. */
  public List<SloResult> withStatus(Status status) {
    return slos.stream().filter(slo -> slo.status() == status).toList();
  }

  /** Why the verdict is what it is: {@code 2 of 5 SLOs failed: success_rate, recovery_time}. */
  public String reason() {
    Status status = status();
    if (slos.isEmpty()) {
      return "the scenario has no SLOs" + incompleteRun();
    }
    if (status == Status.PASSED) {
      return slos.size() + " of " + slos.size() + " SLOs passed";
    }
    List<SloResult> named = withStatus(status == Status.FAILED ? Status.FAILED : Status.UNRESOLVED);
    if (named.isEmpty()) {
      return "all " + slos.size() + " SLOs passed" + incompleteRun();
    }
    String names = named.stream().map(SloResult::name).collect(Collectors.joining(", "));
    return named.size()
        + " of "
        + slos.size()
        + " SLOs "
        + status.label()
        + ": "
        + names
        + (status == Status.UNRESOLVED ? incompleteRun() : "");
  }

  private String incompleteRun() {
    String behind =
        injectorFellBehind()
            ? String.format(
                Locale.ROOT,
                "; the injector fell behind (%.1f%% of the target rate arrived)",
                100 * metrics.get("achieved_rate"))
            : "";
    if (runCompleted()) {
      return behind;
    }
    return "; the run did not complete ("
        + outcome
        + (outcomeDetail == null ? "" : ": " + outcomeDetail)
        + ")"
        + behind;
  }
}
