package dev.gauntlet.reports.internal.html;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gauntlet.reports.FaultWindowResult;
import dev.gauntlet.reports.SloResult;
import dev.gauntlet.reports.TimeBucket;
import dev.gauntlet.reports.Verdict;
import dev.gauntlet.reports.internal.detail.LatencyBins;
import dev.gauntlet.reports.internal.detail.RunDetails;
import dev.gauntlet.reports.internal.detail.TimeSeries;
import dev.gauntlet.reports.metrics.RecoveryResult;
import dev.gauntlet.run.Json;
import dev.gauntlet.scenario.SloSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The numbers report.js draws, as one JSON tree: series by bucket, the verdict's metrics per time bucket
 * (series.jsonl), fault windows with their recovery, whole-run SLO bounds, the latency histogram and, when the run
 * sampled any, memory per source ({@link MemoryChartData}). Times are seconds after the series' origin. Thread-safe
 * (stateless).
 */
final class ChartData {

  /** The metrics the per-bucket charts draw, as arrays named with underscores for dots. */
  private static final List<String> BUCKET_METRICS =
      List.of(
          "success_rate",
          "accuracy",
          "accuracy.ci_low",
          "accuracy.ci_high",
          "latency.p95",
          "cost.per_task");

  private ChartData() {}

  static ObjectNode tree(Verdict verdict, RunDetails details) {
    TimeSeries series = details.series();
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("bucket_s", series.bucketMs() / 1000.0);
    root.put(
        "duration_s",
        verdict.endedMs() > verdict.startedMs() && verdict.startedMs() > 0
            ? (verdict.endedMs() - verdict.startedMs()) / 1000.0
            : null);
    root.put("target_rate", details.targetPerSec() > 0 ? details.targetPerSec() : null);
    root.put("scored", details.scored());
    points(root.putObject("series"), series);
    buckets(root.putObject("buckets"), verdict, series.originMs());
    root.put("warmup_s", verdict.warmup().toMillis() / 1000.0);
    ArrayNode windows = root.putArray("windows");
    verdict.faultWindows().forEach(w -> windows.add(window(w, series.originMs())));
    bounds(root.putObject("bounds"), verdict);
    histogram(root.putObject("histogram"), details.latency());
    root.set(
        "memory",
        MemoryChartData.tree(
            details.memory(), details.leaks(), details.faultLeaks(), series.originMs()));
    return root;
  }

  private static void points(ObjectNode node, TimeSeries series) {
    ArrayNode t = node.putArray("t");
    ArrayNode throughput = node.putArray("throughput");
    ArrayNode success = node.putArray("success_rate");
    ArrayNode p95 = node.putArray("p95");
    ArrayNode accuracy = node.putArray("accuracy");
    ArrayNode cost = node.putArray("cost");
    for (TimeSeries.Point p : series.points()) {
      t.add(p.endS());
      throughput.add(p.throughput());
      success.add(p.successRate());
      p95.add(p.p95Seconds());
      accuracy.add(p.accuracy());
      cost.add(p.costPerMinute());
    }
  }

  /** The verdict's time buckets, each at the middle of the part of it the run spans. */
  private static void buckets(ObjectNode node, Verdict verdict, long originMs) {
    ArrayNode t = node.putArray("t");
    Map<String, ArrayNode> columns = new LinkedHashMap<>();
    BUCKET_METRICS.forEach(metric -> columns.put(metric, node.putArray(metric.replace('.', '_'))));
    for (TimeBucket bucket : verdict.series()) {
      long from =
          verdict.startedMs() > 0
              ? Math.max(bucket.startMs(), verdict.startedMs())
              : bucket.startMs();
      long to =
          verdict.endedMs() > from ? Math.min(bucket.endMs(), verdict.endedMs()) : bucket.endMs();
      t.add((from + to) / 2.0 / 1000.0 - originMs / 1000.0);
      columns.forEach((metric, column) -> column.add(bucket.metrics().get(metric)));
    }
  }

  private static ObjectNode window(FaultWindowResult w, long originMs) {
    ObjectNode node = Json.mapper().createObjectNode();
    double end = (w.endMs() - originMs) / 1000.0;
    node.put("fault", w.fault());
    node.put("kind", w.kind());
    node.put("start_s", (w.startMs() - originMs) / 1000.0);
    node.put("end_s", end);
    RecoveryResult recovery = w.recovery();
    node.put("recovery", recovery.state().name().toLowerCase(Locale.ROOT));
    node.put(
        "recovery_s", recovery.state() == RecoveryResult.State.NO_DATA ? null : recovery.seconds());
    node.put("failover", w.timing().failover().state().name().toLowerCase(Locale.ROOT));
    node.put("failover_s", w.failoverSeconds());
    node.put("resolution_s", w.timing().resolutionSeconds());
    return node;
  }

  /** The first whole-run bound of each charted metric, drawn as a dashed line. */
  private static void bounds(ObjectNode node, Verdict verdict) {
    for (SloResult slo : verdict.slos()) {
      SloSpec spec = slo.spec();
      boolean whole = spec.scope() == null || spec.scope() == SloSpec.Scope.WHOLE;
      if (whole && !node.has(spec.metric())) {
        ObjectNode bound = node.putObject(spec.metric());
        bound.put("min", spec.min());
        bound.put("max", spec.max());
      }
    }
  }

  private static void histogram(ObjectNode node, LatencyBins bins) {
    node.put("width_ms", bins.widthMs());
    ArrayNode outside = node.putArray("outside");
    bins.outside().forEach(outside::add);
    ArrayNode during = node.putArray("during");
    bins.during().forEach(during::add);
  }
}
