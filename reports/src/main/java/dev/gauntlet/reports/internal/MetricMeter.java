package dev.gauntlet.reports.internal;

import dev.gauntlet.reports.metrics.Tally;

/**
 * Computes every metric except recovery_time from one scope's totals. Thread-safe (stateless).
 */
public final class MetricMeter {

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
      case "accuracy" -> hasDataset ? ratio(tally.correct(), tally.scored(), "no successful task could be scored")
          : Measurement.missing("there was no dataset to score against");
      case "latency.p50" -> latency(tally, 50);
      case "latency.p95" -> latency(tally, 95);
      case "latency.p99" -> latency(tally, 99);
      case "latency.max" -> tally.successes() == 0 ? noSuccess() : Measurement.of(
          tally.latency().maxMs() / 1000.0, tally.successes());
      case "cost.total" -> ledger(totals.costUsd(), tally.tasks());
      case "cost.per_task" -> tally.tasks() == 0 ? Measurement.missing("there were no tasks")
          : ledger(totals.costUsd() / tally.tasks(), tally.tasks());
      case "hallucinated_calls" -> ledger(totals.hallucinatedCalls(), tally.tasks());
      case "achieved_rate" -> achievedRate(totals);
      default -> Measurement.missing("it is not a metric this version knows");
    };
  }

  private static Measurement ratio(long part, long whole, String whyNot) {
    return whole == 0 ? Measurement.missing(whyNot) : Measurement.of((double) part / whole, whole);
  }

  private static Measurement latency(Tally tally, double percentile) {
    return tally.successes() == 0 ? noSuccess()
        : Measurement.of(tally.latency().percentileMs(percentile) / 1000.0, tally.successes());
  }

  private static Measurement noSuccess() {
    return Measurement.missing("no task succeeded");
  }

  private Measurement ledger(double value, long tasks) {
    return data.hasLedger() ? Measurement.of(value, tasks)
        : Measurement.missing("ledger.jsonl is missing or empty");
  }

  private Measurement achievedRate(ScopeTotals totals) {
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
