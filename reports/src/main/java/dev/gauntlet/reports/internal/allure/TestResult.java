package dev.gauntlet.reports.internal.allure;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gauntlet.reports.FaultWindowResult;
import dev.gauntlet.reports.SloResult;
import dev.gauntlet.reports.Verdict;
import dev.gauntlet.reports.internal.Format;
import dev.gauntlet.reports.internal.SummaryMarkdown;
import dev.gauntlet.reports.metrics.RecoveryResult;
import dev.gauntlet.run.Json;
import java.util.List;
import java.util.Locale;

/** Builds one Allure 2 test result ({@code *-result.json}) as a JSON tree. Thread-safe (stateless). */
final class TestResult {

  private TestResult() {}

  static ObjectNode of(
      String uuid, String suite, String name, String status, String message, Verdict verdict) {
    ObjectNode result = Json.mapper().createObjectNode();
    result.put("uuid", uuid);
    result.put("historyId", uuid);
    result.put("testCaseId", uuid);
    result.put("fullName", suite + "." + name);
    result.put("name", name);
    result.put("status", status);
    if (message != null) {
      result.putObject("statusDetails").put("message", message);
    }
    result.put("stage", "finished");
    result.put("start", verdict.startedMs());
    result.put("stop", Math.max(verdict.startedMs(), verdict.endedMs()));
    ArrayNode labels = result.putArray("labels");
    label(labels, "parentSuite", "gauntlet");
    label(labels, "suite", suite);
    label(labels, "framework", "gauntlet");
    label(labels, "feature", "SLOs");
    result.putArray("steps");
    result.putArray("attachments");
    result.putArray("parameters");
    return result;
  }

  static void parameters(ObjectNode result, SloResult slo) {
    ArrayNode parameters = (ArrayNode) result.get("parameters");
    parameter(parameters, "threshold", slo.threshold());
    parameter(parameters, "measured", slo.measuredText());
    parameter(parameters, "scope", slo.spec().scopeLabel());
  }

  /** One step per fault window: passed when the target recovered, failed when not, skipped without data after. */
  static void steps(ObjectNode result, List<FaultWindowResult> windows, long startedMs) {
    ArrayNode steps = (ArrayNode) result.get("steps");
    for (FaultWindowResult w : windows) {
      ObjectNode step = steps.addObject();
      step.put(
          "name",
          "fault "
              + w.fault()
              + " ("
              + w.kind()
              + ") at +"
              + Format.number((w.startMs() - startedMs) / 1000.0, 1)
              + " s for "
              + Format.number((w.endMs() - w.startMs()) / 1000.0, 1)
              + " s; recovery "
              + SummaryMarkdown.recovery(w));
      step.put(
          "status",
          switch (w.recovery().state()) {
            case RECOVERED -> "passed";
            case NOT_RECOVERED -> "failed";
            case NO_DATA -> "skipped";
          });
      step.put("stage", "finished");
      step.put("start", w.startMs());
      step.put(
          "stop",
          w.recovery().state() == RecoveryResult.State.RECOVERED
              ? w.endMs() + Math.round(w.recovery().seconds() * 1000)
              : w.endMs());
      ArrayNode parameters = step.putArray("parameters");
      phase(parameters, "before", w.before());
      phase(parameters, "during", w.during());
      phase(parameters, "after", w.after());
      step.putArray("steps");
      step.putArray("attachments");
    }
  }

  private static void phase(ArrayNode parameters, String name, FaultWindowResult.Phase phase) {
    String success =
        phase.successRate() == null
            ? "n/a"
            : String.format(Locale.ROOT, "%.3f", phase.successRate());
    String p95 = phase.p95Seconds() == null ? "n/a" : Format.number(phase.p95Seconds(), 3) + " s";
    parameter(parameters, name, phase.tasks() + " tasks, success " + success + ", p95 " + p95);
  }

  private static void label(ArrayNode labels, String name, String value) {
    labels.addObject().put("name", name).put("value", value);
  }

  private static void parameter(ArrayNode parameters, String name, String value) {
    parameters.addObject().put("name", name).put("value", value);
  }
}
