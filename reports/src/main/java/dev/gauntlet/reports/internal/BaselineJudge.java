package dev.gauntlet.reports.internal;

import dev.gauntlet.reports.Baseline;
import dev.gauntlet.reports.Floor;
import dev.gauntlet.reports.MetricDiff;
import dev.gauntlet.reports.RunDiff;
import dev.gauntlet.reports.RunSample;
import dev.gauntlet.reports.SloResult;
import dev.gauntlet.reports.Status;
import dev.gauntlet.reports.Tolerance;
import dev.gauntlet.run.RunDirectory;
import dev.gauntlet.scenario.SloSpec;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Judges SLOs relative to a baseline ({@code max_drop}, {@code max_increase}) by the rule of {@link RunDiff}: one
 * fails only when the change goes the wrong way, is significant at 95% after a Holm correction over every metric the
 * scenario's relative SLOs test, and is larger than its floor, the largest of the SLO's allowance, the metric's
 * resolution and the run-to-run noise of repeated baseline runs (or a recorded noise profile). A metric without a
 * test is judged on the floor alone. Unresolved without a baseline or when either side was not measured. The
 * comparison is made once, when the first relative SLO is judged. Not thread-safe.
 */
public final class BaselineJudge {

  private final Baseline baseline;
  private final Supplier<Map<String, MetricDiff>> compare;
  private Map<String, MetricDiff> diffs;

  private BaselineJudge(Baseline baseline, Supplier<Map<String, MetricDiff>> compare) {
    this.baseline = baseline;
    this.compare = compare;
  }

  /** A judge without a baseline: it leaves every relative SLO unresolved. */
  public static BaselineJudge none() {
    return new BaselineJudge(null, Map::of);
  }

  /**
   * A judge of {@code slos}' relative SLOs against {@code baseline} (null for none).
   *
   * @param judgedFromMs the first task start {@code run}'s metrics count (after its warm-up)
   * @param current      measures a metric over the whole of the run being judged
   */
  public static BaselineJudge of(
      Baseline baseline,
      RunDirectory run,
      long judgedFromMs,
      List<SloSpec> slos,
      Function<String, Measurement> current) {
    if (baseline == null) {
      return none();
    }
    List<String> family =
        slos.stream().filter(SloSpec::relative).map(SloSpec::metric).distinct().toList();
    return new BaselineJudge(baseline, () -> compare(baseline, run, judgedFromMs, family, current));
  }

  private static Map<String, MetricDiff> compare(
      Baseline baseline,
      RunDirectory run,
      long judgedFromMs,
      List<String> family,
      Function<String, Measurement> current) {
    Map<String, Double> metrics = new HashMap<>();
    Map<String, Long> samples = new HashMap<>();
    family.forEach(
        metric -> {
          Measurement m = current.apply(metric);
          metrics.put(metric, m.value());
          if (m.samples() >= 0) {
            samples.put(metric, m.samples());
          }
        });
    List<RunSample> baselines = baseline.runs().stream().map(RunSample::read).toList();
    Map<String, MetricDiff> byMetric = new LinkedHashMap<>();
    RunDiff.compare(
            baselines,
            RunSample.of(metrics, samples, run, judgedFromMs),
            Tolerance.DEFAULT,
            baseline.profile(),
            family)
        .forEach(d -> byMetric.put(d.metric(), d));
    return byMetric;
  }

  SloResult judge(SloSpec spec, String name, Measurement current) {
    if (baseline == null) {
      return SloJudge.unresolved(
          spec,
          name,
          current.value(),
          "could not be judged: it is relative to a baseline and none was given (--baseline RUN_DIR)");
    }
    diffs = diffs != null ? diffs : compare.get();
    MetricDiff diff = diffs.get(spec.metric());
    Double base = diff == null ? null : diff.baseline();
    if (base == null || current.value() == null || diff.floor() == null) {
      return SloJudge.unresolved(
          spec,
          name,
          current.value(),
          "could not be measured: "
              + (base == null ? "the baseline has no " + spec.metric() : current.missing()));
    }
    double value = current.value();
    double allowance =
        spec.maxDrop() != null ? spec.maxDrop() : spec.maxIncrease() * Math.abs(base);
    Floor floor = new Floor(allowance, diff.floor().resolution(), diff.floor().noise());
    double worse = spec.maxDrop() != null ? base - value : value - base;
    boolean beyond = worse > 0 && RunDiff.beyond(worse, floor);
    // The tests look for a change toward worse (a drop where higher is better); an SLO that bounds
    // the other way
    // round (max_increase on a rate) is judged on its floor alone.
    boolean tested =
        diff.adjustedP() != null
            && (spec.maxDrop() != null) == MetricDiff.HIGHER_IS_BETTER.contains(spec.metric());
    boolean failed = beyond && (!tested || diff.significant());
    return new SloResult(
        name,
        spec,
        value,
        false,
        failed ? Status.FAILED : Status.PASSED,
        message(spec, name, value, diff, floor)
            + ", must be "
            + Format.threshold(spec)
            + why(worse, allowance, beyond, failed, floor));
  }

  private String message(SloSpec spec, String name, double value, MetricDiff diff, Floor floor) {
    int runs = baseline.runs().size();
    String test =
        diff.pValue() == null
            ? ""
            : String.format(
                Locale.ROOT,
                ", %s p = %.3g, Holm p = %.3g",
                diff.test(),
                diff.pValue(),
                diff.adjustedP());
    return String.format(
        Locale.ROOT,
        "%s was %s against %s %s (%s%s; floor %s set by %s)",
        name,
        Format.value(spec.metric(), value),
        runs > 1 ? "the mean of " + runs + " baseline runs," : "the baseline's",
        Format.value(spec.metric(), diff.baseline()),
        (value >= diff.baseline() ? "+" : "") + Format.number(value - diff.baseline(), 6),
        test,
        Format.value(spec.metric(), floor.value()),
        floor.source());
  }

  private static String why(
      double worse, double allowance, boolean beyond, boolean failed, Floor floor) {
    if (beyond && !failed) {
      return "; beyond the floor but not significant at 95% after Holm, so within noise";
    }
    if (!beyond && worse > allowance) {
      return "; beyond the allowance but within the " + floor.source() + " floor";
    }
    return "";
  }
}
