package dev.gauntlet.reports;

import dev.gauntlet.dataset.Dataset;
import dev.gauntlet.reports.internal.BaselineJudge;
import dev.gauntlet.reports.internal.FaultPlaneChecks;
import dev.gauntlet.reports.internal.GoodputRule;
import dev.gauntlet.reports.internal.LeakJudge;
import dev.gauntlet.reports.internal.MetricMeter;
import dev.gauntlet.reports.internal.RunData;
import dev.gauntlet.reports.internal.SloJudge;
import dev.gauntlet.reports.internal.WindowResults;
import dev.gauntlet.run.RunDirectory;
import dev.gauntlet.run.RunInfo;
import dev.gauntlet.scenario.Evaluation;
import dev.gauntlet.scenario.Scenario;
import dev.gauntlet.scenario.SloSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns a run directory into a {@link Verdict}: scores every record against the dataset, joins the ledger, measures
 * every metric over the whole run and {@link #SEGMENT_METRICS} again before, during and after each fault window and per
 * time bucket, measures recovery per fault window, and judges each SLO. Reads each file once, streaming; any file may
 * be missing or cut short, which leaves the metrics it would have fed unresolved. Thread-safe (stateless).
 */
public final class Evaluator {

  /** The metrics block's metrics, in the order reports show them. */
  public static final List<String> METRIC_ORDER =
      List.of(
          "success_rate",
          "accuracy",
          "accuracy.ci_low",
          "accuracy.ci_high",
          "pass^k",
          "pass@k",
          "goodput",
          "latency.p50",
          "latency.p95",
          "latency.p99",
          "latency.max",
          "ttft.p50",
          "ttft.p95",
          "ttft.p99",
          "cost.total",
          "cost.per_task",
          "cost.per_success",
          "cost.per_day",
          "hallucinated_calls",
          "achieved_rate",
          "recovery_time",
          "failover_time",
          "time_to_detect",
          "leak_rate",
          "leak_rate.ci_low",
          "leak_rate.ci_high",
          "leak.detection_time");

  /**
   * The metrics measured again over every segment of a run: each fault window's phases and each time bucket. Not
   * pass^k and pass@k (an item's trials span segments), recovery_time (per window already) nor the leak metrics
   * (fitted over memory samples, not tasks).
   */
  public static final List<String> SEGMENT_METRICS =
      List.of(
          "success_rate",
          "accuracy",
          "accuracy.ci_low",
          "accuracy.ci_high",
          "goodput",
          "latency.p50",
          "latency.p95",
          "latency.p99",
          "latency.max",
          "ttft.p50",
          "ttft.p95",
          "ttft.p99",
          "cost.total",
          "cost.per_task",
          "cost.per_success",
          "cost.per_day",
          "hallucinated_calls",
          "achieved_rate");

  /** The per-window times besides recovery_time, each judged on its worst window (docs/metrics.md). */
  private static final Map<String, Function<FaultWindowResult, Double>> WINDOW_TIMES =
      Map.of(
          "failover_time",
          FaultWindowResult::failoverSeconds,
          "time_to_detect",
          FaultWindowResult::timeToDetectSeconds);

  private Evaluator() {}

  /** Evaluates {@code run} against {@code scenario}'s SLOs; {@code dataset} may be null, leaving accuracy unresolved. */
  public static Verdict evaluate(Scenario scenario, Dataset dataset, RunDirectory run) {
    return evaluate(scenario, dataset, run, (Baseline) null);
  }

  /**
   * Evaluates {@code run}, judging SLOs relative to a baseline ({@code max_drop}, {@code max_increase}) against
   * {@code baseline}'s verdict.json; {@code baseline} may be null, which leaves those SLOs unresolved.
   */
  public static Verdict evaluate(
      Scenario scenario, Dataset dataset, RunDirectory run, RunDirectory baseline) {
    return evaluate(scenario, dataset, run, baseline == null ? null : Baseline.of(baseline));
  }

  /**
   * Evaluates {@code run}, judging SLOs relative to a baseline against {@code baseline}'s runs (pooled, their spread
   * and its noise profile setting the noise floor); {@code baseline} may be null, which leaves those SLOs unresolved.
   */
  public static Verdict evaluate(
      Scenario scenario, Dataset dataset, RunDirectory run, Baseline baseline) {
    Evaluation evaluation =
        scenario.evaluation() == null ? Evaluation.defaults() : scenario.evaluation();
    int trials = scenario.workload() == null ? 1 : scenario.workload().trials();
    RunData data =
        RunData.read(
            evaluation, dataset, run, GoodputRule.of(scenario.slos()), trials, scenario.workload());
    MetricMeter meter = new MetricMeter(data, dataset != null);
    List<FaultWindowResult> windows = WindowResults.of(data, meter, scenario.slos());
    java.time.Duration warmup =
        scenario.workload() == null ? java.time.Duration.ZERO : scenario.workload().warmup();
    long judgedFrom = Verdict.judgedFrom(data.info() == null ? 0 : data.info().startedMs(), warmup);
    SloJudge judge =
        new SloJudge(
            data,
            meter,
            evaluation.minSamples(),
            windows,
            BaselineJudge.of(
                baseline,
                run,
                judgedFrom,
                scenario.slos(),
                metric -> meter.measure(metric, data.scopes().whole())));
    LeakJudge leaks = LeakJudge.read(run, data, evaluation.minSamples());
    FaultPlaneChecks planeChecks = FaultPlaneChecks.read(run, data, evaluation, warmup);
    List<SloResult> slos = new ArrayList<>();
    List<String> names = names(scenario.slos());
    for (int i = 0; i < scenario.slos().size(); i++) {
      SloSpec spec = scenario.slos().get(i);
      slos.add(
          planeChecks.review(
              leaks.judges(spec.metric()) && !spec.relative()
                  ? leaks.judge(spec, names.get(i))
                  : judge.judge(spec, names.get(i))));
    }
    RunInfo info = data.info();
    return new Verdict(
        scenario.name(),
        info == null ? scenario.seed() : info.seed(),
        info == null ? Verdict.UNKNOWN_OUTCOME : info.outcome(),
        info == null ? "run.json is missing or unreadable" : info.detail(),
        data.scopes().whole().tally().tasks(),
        info == null ? 0 : info.startedMs(),
        info == null ? 0 : info.endedMs(),
        metrics(data, meter, windows, leaks),
        slos,
        windows,
        samples(data, meter, leaks),
        series(data, meter),
        data.harness() == null ? HarnessCheck.skipped() : data.harness().check(),
        warmup,
        planeChecks.results());
  }

  /** {@code metric}, plus {@code @scope} unless whole; a repeated name gets {@code #2}, {@code #3}, … */
  static List<String> names(List<SloSpec> slos) {
    Map<String, Integer> seen = new HashMap<>();
    List<String> names = new ArrayList<>();
    for (SloSpec slo : slos) {
      String base =
          slo.metric()
              + (slo.scope() == null || slo.scope() == SloSpec.Scope.WHOLE
                  ? ""
                  : "@" + slo.scopeLabel());
      int count = seen.merge(base, 1, Integer::sum);
      names.add(count == 1 ? base : base + "#" + count);
    }
    return names;
  }

  private static Map<String, Double> metrics(
      RunData data, MetricMeter meter, List<FaultWindowResult> windows, LeakJudge leaks) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    for (String metric : METRIC_ORDER) {
      metrics.put(
          metric,
          "recovery_time".equals(metric)
              ? worstRecovery(windows)
              : WINDOW_TIMES.containsKey(metric)
                  ? worst(windows, WINDOW_TIMES.get(metric))
                  : leaks.judges(metric)
                      ? leaks.measure(metric).value()
                      : meter.measure(metric, data.scopes().whole()).value());
    }
    return metrics;
  }

  private static Map<String, Long> samples(RunData data, MetricMeter meter, LeakJudge leaks) {
    Map<String, Long> samples = new LinkedHashMap<>();
    for (String metric : METRIC_ORDER) {
      long n =
          "recovery_time".equals(metric) || WINDOW_TIMES.containsKey(metric)
              ? -1
              : leaks.judges(metric)
                  ? leaks.measure(metric).samples()
                  : meter.measure(metric, data.scopes().whole()).samples();
      if (n >= 0) {
        samples.put(metric, n);
      }
    }
    return samples;
  }

  private static List<TimeBucket> series(RunData data, MetricMeter meter) {
    return data.series().stream()
        .map(
            b ->
                new TimeBucket(
                    b.startMs(),
                    b.endMs(),
                    b.totals().tally().tasks(),
                    meter.measureAll(SEGMENT_METRICS, b.totals())))
        .toList();
  }

  /** The slowest window's {@code time}; null without windows or when any window has none. */
  private static Double worst(
      List<FaultWindowResult> windows, Function<FaultWindowResult, Double> time) {
    Double worst = null;
    for (FaultWindowResult window : windows) {
      Double seconds = time.apply(window);
      if (seconds == null) {
        return null;
      }
      worst = worst == null ? seconds : Math.max(worst, seconds);
    }
    return worst;
  }

  /** The slowest window's recovery time; null without windows or when any window has not recovered. */
  private static Double worstRecovery(List<FaultWindowResult> windows) {
    Double worst = null;
    for (FaultWindowResult window : windows) {
      if (window.recoverySeconds() == null) {
        return null;
      }
      worst = worst == null ? window.recoverySeconds() : Math.max(worst, window.recoverySeconds());
    }
    return worst;
  }
}
