package dev.gauntlet.reports.internal;

import dev.gauntlet.reports.FaultWindowResult;
import dev.gauntlet.reports.SloResult;
import dev.gauntlet.reports.Status;
import dev.gauntlet.scenario.SloSpec;
import java.util.List;

/**
 * Judges one SLO: passed, failed, or unresolved when its metric could not be measured or has fewer than
 * {@code minSamples} tasks behind it. Thread-safe once built.
 */
public final class SloJudge {

  private final RunData data;
  private final MetricMeter meter;
  private final int minSamples;
  private final RecoveryJudge recovery;
  private final RecoveryJudge failover;
  private final RecoveryJudge detection;
  private final BaselineJudge baseline;

  public SloJudge(
      RunData data, MetricMeter meter, int minSamples, List<FaultWindowResult> windows) {
    this(data, meter, minSamples, windows, BaselineJudge.none());
  }

  /** A judge that also judges SLOs relative to a baseline with {@code baseline}. */
  public SloJudge(
      RunData data,
      MetricMeter meter,
      int minSamples,
      List<FaultWindowResult> windows,
      BaselineJudge baseline) {
    this.data = data;
    this.meter = meter;
    this.minSamples = minSamples;
    this.recovery = new RecoveryJudge(windows, data.scopes().whole().tally().tasks(), minSamples);
    this.failover =
        RecoveryJudge.failover(windows, data.scopes().whole().tally().tasks(), minSamples);
    this.detection =
        RecoveryJudge.detection(windows, data.scopes().whole().tally().tasks(), minSamples);
    this.baseline = baseline;
  }

  /** The result of {@code spec}, reported under {@code name}. */
  public SloResult judge(SloSpec spec, String name) {
    if (data.harness() != null && data.harness().check().voids(spec.metric())) {
      return unresolved(
          spec, name, null, "could not be judged: " + data.harness().check().message());
    }
    if ("recovery_time".equals(spec.metric()) && !spec.relative()) {
      return recovery.judge(spec, name);
    }
    if ("failover_time".equals(spec.metric()) && !spec.relative()) {
      return failover.judge(spec, name);
    }
    if ("time_to_detect".equals(spec.metric()) && !spec.relative()) {
      return detection.judge(spec, name);
    }
    SloSpec.Scope scope = spec.scope() == null ? SloSpec.Scope.WHOLE : spec.scope();
    if (scope == SloSpec.Scope.DURING_FAULTS && data.windows().isEmpty()) {
      return unresolved(spec, name, null, "could not be measured: the run had no fault windows");
    }
    Measurement m = meter.measure(spec.metric(), data.scopes().of(scope));
    if (m.value() == null) {
      return unresolved(spec, name, null, "could not be measured: " + m.missing());
    }
    if (m.samples() >= 0 && m.samples() < minSamples) {
      return unresolved(
          spec,
          name,
          m.value(),
          "could not be judged: "
              + m.samples()
              + " tasks behind it, needs at least "
              + minSamples
              + " (evaluation.min_samples)");
    }
    return spec.relative() ? baseline.judge(spec, name, m) : compared(spec, name, m.value(), false);
  }

  static SloResult compared(SloSpec spec, String name, double value, boolean lowerBound) {
    Status status = within(spec, value) ? Status.PASSED : Status.FAILED;
    String shown = (lowerBound ? "≥ " : "") + Format.value(spec.metric(), value);
    return new SloResult(
        name,
        spec,
        value,
        lowerBound,
        status,
        name + " was " + shown + ", must be " + Format.threshold(spec));
  }

  static SloResult unresolved(SloSpec spec, String name, Double measured, String why) {
    return new SloResult(name, spec, measured, false, Status.UNRESOLVED, name + " " + why);
  }

  static boolean within(SloSpec spec, double value) {
    return (spec.min() == null || value >= spec.min())
        && (spec.max() == null || value <= spec.max());
  }
}
