package dev.gauntlet.reports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gauntlet.reports.metrics.Significance;
import dev.gauntlet.run.Json;
import dev.gauntlet.run.JsonLines;
import dev.gauntlet.run.RunDirectory;
import dev.gauntlet.run.TaskRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares a run with a baseline run, metric by metric, from their verdict.json and records.jsonl: rates by a
 * two-proportion z-test on the tasks behind them ({@code metric_samples}), latencies by a Mann-Whitney U test on the
 * successful tasks' latencies, every other metric by its delta alone. Thread-safe (stateless).
 */
public final class RunDiff {

  /** Rates compared by a two-proportion z-test. */
  public static final Set<String> RATES = Set.of("success_rate", "accuracy", "pass^k", "pass@k");

  private RunDiff() {}

  /** One line per metric of {@link Evaluator#METRIC_ORDER} that either run measured. */
  public static List<MetricDiff> compare(RunDirectory baseline, RunDirectory current) {
    Measured base = Measured.read(baseline);
    Measured cur = Measured.read(current);
    Double latencyP = null;
    List<MetricDiff> diffs = new ArrayList<>();
    for (String metric : Evaluator.METRIC_ORDER) {
      Double b = base.metrics().get(metric);
      Double c = cur.metrics().get(metric);
      if (b == null && c == null) {
        continue;
      }
      if (RATES.contains(metric)) {
        diffs.add(new MetricDiff(metric, b, c, "z-test", rateP(metric, base, cur)));
      } else if (metric.startsWith("latency.")) {
        latencyP = latencyP != null ? latencyP : Significance.mannWhitney(latencies(baseline), latencies(current));
        diffs.add(new MetricDiff(metric, b, c, "Mann-Whitney", latencyP));
      } else {
        diffs.add(new MetricDiff(metric, b, c, null, null));
      }
    }
    return diffs;
  }

  private static Double rateP(String metric, Measured base, Measured cur) {
    Long n1 = base.samples().get(metric);
    Long n2 = cur.samples().get(metric);
    Double p1 = base.metrics().get(metric);
    Double p2 = cur.metrics().get(metric);
    if (n1 == null || n2 == null || p1 == null || p2 == null) {
      return null;
    }
    return Significance.twoProportions(Math.round(p1 * n1), n1, Math.round(p2 * n2), n2);
  }

  /** Latencies of the successful tasks of {@code run}, in milliseconds. */
  public static long[] latencies(RunDirectory run) {
    long[][] values = {new long[1024]};
    int[] size = {0};
    JsonLines.forEach(run.records(), TaskRecord.class, record -> {
      if (record.succeeded()) {
        if (size[0] == values[0].length) {
          values[0] = Arrays.copyOf(values[0], size[0] * 2);
        }
        values[0][size[0]++] = Math.max(0, record.latencyMs());
      }
    });
    return Arrays.copyOf(values[0], size[0]);
  }

  /**
   * The metrics and sample counts of a run's verdict.json.
   *
   * @param metrics whole-run metrics by name, null where not measured
   * @param samples tasks behind each metric that has a count
   */
  public record Measured(Map<String, Double> metrics, Map<String, Long> samples) {

    /** Reads {@code run}'s verdict.json; throws when it is missing or unreadable. */
    public static Measured read(RunDirectory run) {
      if (!Files.isRegularFile(run.verdict())) {
        throw new IllegalArgumentException(run.root() + " must hold verdict.json, but it does not; run gauntlet "
            + "report " + run.root() + " to write it");
      }
      try {
        JsonNode root = Json.mapper().readTree(run.verdict().toFile());
        Map<String, Double> metrics = new LinkedHashMap<>();
        root.path("metrics").fields().forEachRemaining(
            e -> metrics.put(e.getKey(), e.getValue().isNumber() ? e.getValue().asDouble() : null));
        Map<String, Long> samples = new LinkedHashMap<>();
        root.path("metric_samples").fields().forEachRemaining(e -> samples.put(e.getKey(), e.getValue().asLong()));
        return new Measured(metrics, samples);
      } catch (IOException e) {
        throw new UncheckedIOException("could not read " + run.verdict(), e);
      }
    }
  }
}
