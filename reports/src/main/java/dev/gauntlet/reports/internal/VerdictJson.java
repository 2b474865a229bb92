package dev.gauntlet.reports.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gauntlet.reports.FaultPlaneCheck;
import dev.gauntlet.reports.FaultWindowResult;
import dev.gauntlet.reports.SloResult;
import dev.gauntlet.reports.Verdict;
import dev.gauntlet.run.Json;
import java.util.Locale;

/**
 * The verdict as verdict.json, schema version 1: snake_case keys in a fixed order, unmeasured values as null.
 * Thread-safe (stateless).
 */
public final class VerdictJson {

  public static final int SCHEMA_VERSION = 1;

  private VerdictJson() {}

  /** The verdict as a JSON tree. */
  public static ObjectNode tree(Verdict verdict) {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("schema_version", SCHEMA_VERSION);
    root.put("scenario", verdict.scenario());
    root.put("seed", verdict.seed());
    root.put("outcome", verdict.outcome());
    root.put("outcome_detail", verdict.outcomeDetail());
    root.put("exit_code", verdict.exitCode());
    root.put("status", verdict.status().label());
    root.put("reason", verdict.reason());
    root.put("tasks", verdict.tasks());
    root.put("started_ms", verdict.startedMs());
    root.put("ended_ms", verdict.endedMs());
    ObjectNode metrics = root.putObject("metrics");
    verdict.metrics().forEach(metrics::put);
    ObjectNode samples = root.putObject("metric_samples");
    verdict.samples().forEach(samples::put);
    root.set("harness", harness(verdict));
    ArrayNode slos = root.putArray("slos");
    verdict.slos().forEach(slo -> slos.add(slo(slo)));
    ArrayNode windows = root.putArray("fault_windows");
    verdict.faultWindows().forEach(window -> windows.add(window(window)));
    ArrayNode checks = root.putArray("fault_plane_checks");
    verdict.faultPlaneChecks().forEach(check -> checks.add(check(check)));
    return root;
  }

  /** The verdict as pretty-printed JSON text. */
  public static String text(Verdict verdict) {
    try {
      return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree(verdict))
          + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree must always serialize, but this one did not", e);
    }
  }

  /** The warm-up and the harness's pace: send lag in milliseconds and the worst 10 s bucket's on-time share. */
  private static ObjectNode harness(Verdict verdict) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("warmup_s", verdict.warmup().toMillis() / 1000.0);
    var check = verdict.harness();
    node.put("checked", check.checked());
    if (check.checked()) {
      ObjectNode lag = node.putObject("send_lag_ms");
      lag.put("p50", check.sendLagP50Ms());
      lag.put("p99", check.sendLagP99Ms());
      lag.put("max", check.sendLagMaxMs());
      lag.put("samples", check.samples());
      node.put("max_send_lag_ms", check.maxSendLagMs());
      node.put("min_arrival_share", check.minArrivalShare());
      node.put("buckets", check.buckets());
      node.put("worst_bucket_share", check.worstShare());
      node.put("worst_bucket_start_s", check.worstBucketS());
      node.put("worst_bucket_planned", check.worstPlanned());
      node.put("worst_bucket_sent", check.worstOnTime());
      node.put("arrivals_start_ms", check.arrivalsStartMs());
    }
    node.put("fell_behind", check.fellBehind());
    node.put("message", check.message());
    return node;
  }

  private static ObjectNode slo(SloResult slo) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("name", slo.name());
    node.put("metric", slo.spec().metric());
    node.put("scope", slo.spec().scopeLabel());
    node.put("min", slo.spec().min());
    node.put("max", slo.spec().max());
    node.put("max_drop", slo.spec().maxDrop());
    node.put("max_increase", slo.spec().maxIncrease());
    node.put("measured", slo.measured());
    node.put("ci_low", slo.interval() == null ? null : slo.interval().low());
    node.put("ci_high", slo.interval() == null ? null : slo.interval().high());
    node.put("status", slo.status().label());
    node.put("message", slo.message());
    return node;
  }

  private static ObjectNode check(FaultPlaneCheck check) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("name", check.name());
    node.put("status", check.status().label());
    node.put("message", check.message());
    node.put("checked", check.checked());
    node.put("violations", check.violations());
    ArrayNode examples = node.putArray("examples");
    check.examples().forEach(examples::add);
    return node;
  }

  private static ObjectNode window(FaultWindowResult window) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("fault", window.fault());
    node.put("kind", window.kind());
    node.put("start_ms", window.startMs());
    node.put("end_ms", window.endMs());
    node.put("recovery_s", window.recoverySeconds());
    node.put("recovery_status", window.recovery().state().name().toLowerCase(Locale.ROOT));
    node.put("failover_s", window.failoverSeconds());
    node.put("failover_status", window.timing().failover().state().name().toLowerCase(Locale.ROOT));
    node.put("time_to_detect_s", window.timeToDetectSeconds());
    node.put("recovery_resolution_s", window.timing().resolutionSeconds());
    node.put("healthy_latency_max_s", window.timing().latencyBoundSeconds());
    node.put("healthy_bad_share_max", window.timing().maxBadShare());
    node.put("success_rate_before", window.before().successRate());
    node.put("success_rate_during", window.during().successRate());
    node.put("success_rate_after", window.after().successRate());
    node.put("accuracy_before", window.before().accuracy());
    node.put("accuracy_during", window.during().accuracy());
    node.put("accuracy_after", window.after().accuracy());
    node.put("latency_p95_before", window.before().p95Seconds());
    node.put("latency_p95_during", window.during().p95Seconds());
    node.put("latency_p95_after", window.after().p95Seconds());
    node.set("before", phase(window.before()));
    node.set("during", phase(window.during()));
    node.set("after", phase(window.after()));
    return node;
  }

  /** Tasks and every segment metric of one phase, keyed by metric name. */
  private static ObjectNode phase(FaultWindowResult.Phase phase) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("tasks", phase.tasks());
    phase.metrics().forEach(node::put);
    return node;
  }
}
