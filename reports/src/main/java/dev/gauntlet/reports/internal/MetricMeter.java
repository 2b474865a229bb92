package dev.gauntlet.reports.internal;

import dev.gauntlet.reports.metrics.LatencyHistogram;
import dev.gauntlet.reports.metrics.Tally;
import dev.gauntlet.reports.metrics.Wilson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes every metric except recovery_time from one scope's totals. Thread-safe (stateless).
 */
public final class MetricMeter {

  private static final double MINUTES_PER_DAY = 24 * 60;

  private final RunData data;
  private final boolean hasDataset;

  public MetricMeter(RunData data, boolean hasDataset) {
    this.data = data;
    this.hasDataset = hasDataset;
  }

  /** {@code metric} over {@code totals}; recovery_time is measured per window elsewhere. */
  public Measurement measure(String metric, ScopeTotals totals) {
    Tally tally = totals.tally();
    return switch (metric) {
      case "success_rate" -> ratio(tally.successes(), tally.tasks(), "there were no tasks");
      case "accuracy" -> accuracy(tally);
      case "accuracy.ci_low", "accuracy.ci_high" -> accuracyBound(tally, metric.endsWith("low"));
      case "pass^k" -> passK(totals, data.passK().passHatK());
      case "pass@k" -> passK(totals, data.passK().passAtK());
      case "goodput" -> perMinute(tally.good(), totals);
      case "latency.p50" -> latency(tally, 50);
      case "latency.p95" -> latency(tally, 95);
      case "latency.p99" -> latency(tally, 99);
      case "latency.max" ->
          tally.successes() == 0
              ? noSuccess()
              : Measurement.of(tally.latency().maxMs() / 1000.0, tally.successes());
      case "ttft.p50" -> ttft(totals, 50);
      case "ttft.p95" -> ttft(totals, 95);
      case "ttft.p99" -> ttft(totals, 99);
      case "cost.total" -> ledger(totals.costUsd(), tally.tasks());
      case "cost.per_task" ->
          tally.tasks() == 0
              ? Measurement.missing("there were no tasks")
              : ledger(totals.costUsd() / tally.tasks(), tally.tasks());
      case "cost.per_success" ->
          tally.successes() == 0
              ? noSuccess()
              : ledger(totals.costUsd() / tally.successes(), tally.successes());
      case "cost.per_day" -> costPerDay(totals);
      case "hallucinated_calls" -> ledger(totals.hallucinatedCalls(), tally.tasks());
      case "achieved_rate" -> achievedRate(totals);
      default -> Measurement.missing("it is not a metric this version knows");
    };
  }

  /** Each of {@code metrics} over {@code totals}, in that order; null where it could not be measured. */
  public Map<String, Double> measureAll(List<String> metrics, ScopeTotals totals) {
    Map<String, Double> values = new LinkedHashMap<>();
    metrics.forEach(metric -> values.put(metric, measure(metric, totals).value()));
    return values;
  }

  private static Measurement ratio(long part, long whole, String whyNot) {
    return whole == 0 ? Measurement.missing(whyNot) : Measurement.of((double) part / whole, whole);
  }

  private Measurement accuracyBound(Tally tally, boolean low) {
    Measurement accuracy = accuracy(tally);
    if (accuracy.value() == null) {
      return accuracy;
    }
    Wilson interval = Wilson.of95(tally.correct(), tally.scored());
    return Measurement.of(low ? interval.low() : interval.high(), tally.scored());
  }

  private Measurement accuracy(Tally tally) {
    return !hasDataset
        ? Measurement.missing("there was no dataset to score against")
        : ratio(tally.correct(), tally.scored(), "no successful task could be scored");
  }

  private Measurement passK(ScopeTotals totals, Double value) {
    if (totals != data.scopes().whole()) {
      return Measurement.missing("pass^k and pass@k are measured over the whole run only");
    }
    if (!hasDataset) {
      return Measurement.missing("there was no dataset to score against");
    }
    return value == null
        ? Measurement.missing("no item had all " + data.passK().k() + " trials recorded and scored")
        : Measurement.of(value, data.passK().items());
  }

  private static Measurement perMinute(long count, ScopeTotals totals) {
    if (totals.durationMs() <= 0) {
      return Measurement.missing("the scope spans no time");
    }
    return Measurement.of(count / (totals.durationMs() / 60_000.0), totals.tally().tasks());
  }

  private Measurement costPerDay(ScopeTotals totals) {
    if (totals.tally().tasks() == 0) {
      return Measurement.missing("there were no tasks");
    }
    if (data.info() == null || data.info().targetRate() <= 0) {
      return Measurement.missing("run.json has no target rate");
    }
    double perTask = totals.costUsd() / totals.tally().tasks();
    return ledger(perTask * data.info().targetRate() * MINUTES_PER_DAY, totals.tally().tasks());
  }

  private static Measurement latency(Tally tally, double percentile) {
    return tally.successes() == 0
        ? noSuccess()
        : Measurement.of(tally.latency().percentileMs(percentile) / 1000.0, tally.successes());
  }

  private static Measurement ttft(ScopeTotals totals, double percentile) {
    LatencyHistogram ttft = totals.ttft();
    return ttft.count() == 0
        ? Measurement.missing("no streamed task succeeded with a first token")
        : Measurement.of(ttft.percentileMs(percentile) / 1000.0, ttft.count());
  }

  private static Measurement noSuccess() {
    return Measurement.missing("no task succeeded");
  }

  private Measurement ledger(double value, long tasks) {
    return data.hasLedger()
        ? Measurement.of(value, tasks)
        : Measurement.missing("ledger.jsonl is missing or empty");
  }

  private Measurement achievedRate(ScopeTotals totals) {
    if (totals == data.scopes().whole()
        && data.harness() != null
        && data.harness().achievedRate() != null) {
      return Measurement.of(
          data.harness().achievedRate(), -1); // against the schedule: sent vs planned by the end
    }
    if (data.info() == null) {
      return Measurement.missing("run.json is missing or unreadable");
    }
    if (data.info().targetRate() <= 0) {
      return Measurement.missing("run.json has no target rate");
    }
    if (totals.durationMs() <= 0) {
      return Measurement.missing("the scope spans no time");
    }
    double perMinute = totals.tally().tasks() / (totals.durationMs() / 60_000.0);
    return Measurement.of(perMinute / data.info().targetRate(), -1);
  }
}
