package dev.gauntlet.reports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gauntlet.reports.metrics.Significance;
import dev.gauntlet.run.Json;
import dev.gauntlet.run.RunDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares a run with its baseline, metric by metric, and decides which changes are regressions. A change is a
 * regression only when it is worse, significant after a Holm–Bonferroni correction over every metric tested in the
 * same comparison, and larger than its {@link Floor} (the largest of the tolerance, the metric's resolution and the
 * run-to-run noise of repeated baseline runs). Every test is one-sided, toward worse: rates by a two-proportion
 * z-test on the tasks behind them ({@code metric_samples}); latency and TTFT percentiles by a quantile test on the
 * successful tasks' values ({@link QuantileTest#higher}); the maximum latency by an exceedance test
 * ({@link QuantileTest#maximumHigher}). Several baseline runs are pooled, their values' mean is the baseline, and the
 * tests credit the pool with one run's precision. Other metrics have no test: shown, never decided. Thread-safe
 * (stateless).
 */
public final class RunDiff {

  /** Rates compared by a two-proportion z-test. */
  public static final Set<String> RATES = Set.of("success_rate", "accuracy", "pass^k", "pass@k");

  private static final double EPSILON = 1e-9;

  private RunDiff() {}

  /** {@code current} against one baseline run with {@link Tolerance#DEFAULT}, every metric either measured. */
  public static List<MetricDiff> compare(RunDirectory baseline, RunDirectory current) {
    return compare(Baseline.of(baseline), current, Tolerance.DEFAULT);
  }

  /** {@code current} against {@code baseline}'s runs (and profile), every metric of {@link Evaluator#METRIC_ORDER}. */
  public static List<MetricDiff> compare(
      Baseline baseline, RunDirectory current, Tolerance tolerance) {
    List<RunSample> baselines = baseline.runs().stream().map(RunSample::read).toList();
    return compare(
        baselines, RunSample.read(current), tolerance, baseline.profile(), Evaluator.METRIC_ORDER);
  }

  /**
   * One line per metric of {@code metrics} that the baselines or {@code current} measured, decided together: the
   * Holm correction runs over those of them that have a test.
   *
   * @param baselines one or more baseline runs
   * @param current   the run compared
   * @param tolerance the allowance, the floor's first part
   * @param profile   a recorded noise profile, or null
   * @param metrics   the metrics compared, in the order wanted
   */
  public static List<MetricDiff> compare(
      List<RunSample> baselines,
      RunSample current,
      Tolerance tolerance,
      NoiseProfile profile,
      List<String> metrics) {
    List<Tested> tested = new ArrayList<>();
    for (String metric : metrics) {
      Double b = mean(baselines, metric);
      Double c = current.metrics().get(metric);
      if (b != null || c != null) {
        tested.add(Tested.of(metric, b, c, baselines, current));
      }
    }
    int[] slots = slots(tested);
    double[] family = new double[Arrays.stream(slots).max().orElse(-1) + 1];
    for (int i = 0; i < tested.size(); i++) {
      if (slots[i] >= 0) {
        family[slots[i]] = tested.get(i).p();
      }
    }
    double[] adjusted = Significance.holm(family);
    Map<String, RunNoise.Spread> spreads = spreads(baselines, metrics);
    List<MetricDiff> diffs = new ArrayList<>();
    for (int i = 0; i < tested.size(); i++) {
      Tested t = tested.get(i);
      Double adjustedP = slots[i] < 0 ? null : adjusted[slots[i]];
      Floor floor =
          t.baseline() == null || t.current() == null
              ? null
              : new Floor(
                  tolerance.allowance(t.metric(), t.baseline()),
                  Floor.resolution(
                      t.metric(), t.baseline(), fewest(baselines, current, t.metric())),
                  Floor.noise(t.metric(), baselines.size(), spreads, profile));
      diffs.add(decided(t, adjustedP, floor));
    }
    return diffs;
  }

  /** How many places the Holm family of {@code diffs} had: their tested metrics, a restated rate counted once. */
  public static int familySize(List<MetricDiff> diffs) {
    List<Tested> tested =
        diffs.stream()
            .map(d -> new Tested(d.metric(), d.baseline(), d.current(), d.test(), d.pValue()))
            .toList();
    return Arrays.stream(slots(tested)).max().orElse(-1) + 1;
  }

  /** Whether a worse change of {@code delta} is larger than {@code floor} (with round-off of the values forgiven). */
  public static boolean beyond(double delta, Floor floor) {
    return Math.abs(delta) > floor.value() * (1 + EPSILON) + EPSILON * EPSILON;
  }

  private static MetricDiff decided(Tested t, Double adjustedP, Floor floor) {
    MetricDiff open =
        new MetricDiff(
            t.metric(), t.baseline(), t.current(), t.test(), t.p(), adjustedP, floor, null);
    MetricDiff.Decision decision =
        floor == null
            ? MetricDiff.Decision.NOT_MEASURED
            : t.test() == null
                ? MetricDiff.Decision.NOT_TESTED
                : open.delta() == 0
                    ? MetricDiff.Decision.UNCHANGED
                    : !open.worse()
                        ? MetricDiff.Decision.BETTER
                        : !open.significant()
                            ? MetricDiff.Decision.NOISE
                            : beyond(open.delta(), floor)
                                ? MetricDiff.Decision.REGRESSION
                                : MetricDiff.Decision.WITHIN_FLOOR;
    return new MetricDiff(
        t.metric(), t.baseline(), t.current(), t.test(), t.p(), adjustedP, floor, decision);
  }

  /**
   * Each tested metric's place in the Holm family, -1 for none. pass@k takes pass^k's place when both are the same
   * test on the same numbers (one trial per item makes them one and the same share), so that a metric restated under
   * another name does not widen the family; metrics that merely happen to agree keep places of their own.
   */
  private static int[] slots(List<Tested> tested) {
    int[] slots = new int[tested.size()];
    int next = 0;
    for (int i = 0; i < tested.size(); i++) {
      Tested t = tested.get(i);
      slots[i] = t.p() == null ? -1 : next;
      for (int j = 0; j < i && t.p() != null; j++) {
        if ("pass@k".equals(t.metric())
            && "pass^k".equals(tested.get(j).metric())
            && t.sameTestAs(tested.get(j))) {
          slots[i] = slots[j];
        }
      }
      next += slots[i] == next ? 1 : 0;
    }
    return slots;
  }

  /** The mean of {@code metric} over the baseline runs that measured it, null when none did. */
  static Double mean(List<RunSample> runs, String metric) {
    double[] values = values(runs, metric);
    return values.length == 0 ? null : Arrays.stream(values).average().orElseThrow();
  }

  private static double[] values(List<RunSample> runs, String metric) {
    return runs.stream()
        .map(r -> r.metrics().get(metric))
        .filter(v -> v != null)
        .mapToDouble(Double::doubleValue)
        .toArray();
  }

  private static Map<String, RunNoise.Spread> spreads(
      List<RunSample> baselines, List<String> metrics) {
    Map<String, RunNoise.Spread> spreads = new HashMap<>();
    for (String metric : metrics) {
      double[] values = values(baselines, metric);
      if (values.length >= 2) {
        spreads.put(metric, RunNoise.spread(metric, values));
      }
    }
    return spreads;
  }

  /** The fewest tasks behind {@code metric} in any one run compared, null when no run counts them. */
  private static Long fewest(List<RunSample> baselines, RunSample current, String metric) {
    return java.util.stream.Stream.concat(baselines.stream(), java.util.stream.Stream.of(current))
        .map(r -> r.samples().get(metric))
        .filter(n -> n != null)
        .min(Long::compare)
        .orElse(null);
  }

  /**
   * The metrics and sample counts of a run's verdict.json.
   *
   * @param metrics whole-run metrics by name, null where not measured
   * @param samples     tasks behind each metric that has a count
   * @param judgedFromMs the first task start (epoch ms) its metrics count: the run's start plus its warm-up
   */
  public record Measured(
      Map<String, Double> metrics, Map<String, Long> samples, long judgedFromMs) {

    /** Reads {@code run}'s verdict.json; throws when it is missing or unreadable. */
    public static Measured read(RunDirectory run) {
      if (!Files.isRegularFile(run.verdict())) {
        throw new IllegalArgumentException(
            run.root()
                + " must hold verdict.json, but it does not; run gauntlet "
                + "report "
                + run.root()
                + " to write it");
      }
      try {
        JsonNode root = Json.mapper().readTree(run.verdict().toFile());
        Map<String, Double> metrics = new LinkedHashMap<>();
        root.path("metrics")
            .fields()
            .forEachRemaining(
                e ->
                    metrics.put(
                        e.getKey(), e.getValue().isNumber() ? e.getValue().asDouble() : null));
        Map<String, Long> samples = new LinkedHashMap<>();
        root.path("metric_samples")
            .fields()
            .forEachRemaining(e -> samples.put(e.getKey(), e.getValue().asLong()));
        long warmupMs = Math.round(root.path("harness").path("warmup_s").asDouble(0) * 1000);
        long started = root.path("started_ms").asLong(0);
        return new Measured(
            metrics, samples, Verdict.judgedFrom(started, java.time.Duration.ofMillis(warmupMs)));
      } catch (IOException e) {
        throw new UncheckedIOException("could not read " + run.verdict(), e);
      }
    }
  }
}
