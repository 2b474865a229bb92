package dev.gauntlet.reports.internal.allure;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gauntlet.reports.SloResult;
import dev.gauntlet.reports.Status;
import dev.gauntlet.reports.Verdict;
import dev.gauntlet.reports.internal.Margin;
import dev.gauntlet.run.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The verdict as Allure results (the allure-results format of Allure 2): one test per SLO in the suite
 * {@code gauntlet.<scenario>}, each fault window a step, and attachments: verdict.json and report.html on every
 * test, the worst tasks' transcripts on the tests that did not pass. A run that did not complete adds a broken test
 * {@code run}. Ids are derived from the scenario and the run's start, so rewriting a run's reports gives the same
 * files. Produces file contents only; {@link AllureWriter} puts them on disk. Thread-safe (stateless).
 */
public final class AllureResults {

  /** Attachment names, as they appear in the Allure report. */
  public static final String VERDICT = "verdict.json";

  public static final String REPORT = "report.html";
  public static final String TRANSCRIPTS = "worst tasks (transcripts)";

  private AllureResults() {}

  /**
   * Every file of the results directory by name: one {@code <uuid>-result.json} per test, plus
   * {@code environment.properties}. Attachments are referenced by {@code sources}, whose files the caller writes.
   *
   * @param sources attachment name to its file name in the results directory; a missing name is not attached
   */
  public static Map<String, String> files(Verdict verdict, Map<String, String> sources) {
    Map<String, String> files = new LinkedHashMap<>();
    String suite = "gauntlet." + verdict.scenario();
    for (SloResult slo : verdict.slos()) {
      ObjectNode result =
          TestResult.of(
              id(verdict, slo.name()),
              suite,
              slo.name(),
              allureStatus(slo.status()),
              slo.status() == Status.PASSED ? null : Margin.message(slo),
              verdict);
      TestResult.parameters(result, slo);
      TestResult.steps(result, verdict.faultWindows(), verdict.startedMs());
      attach(result, sources, VERDICT, REPORT);
      if (slo.status() != Status.PASSED) {
        attach(result, sources, TRANSCRIPTS);
      }
      files.put(result.get("uuid").asText() + "-result.json", json(result));
    }
    if (!verdict.runCompleted() || verdict.injectorFellBehind()) {
      ObjectNode run =
          TestResult.of(id(verdict, "run"), suite, "run", "broken", verdict.reason(), verdict);
      attach(run, sources, VERDICT, REPORT, TRANSCRIPTS);
      files.put(run.get("uuid").asText() + "-result.json", json(run));
    }
    files.put("environment.properties", environment(verdict));
    return files;
  }

  /** passed, failed, or broken for unresolved: Allure's "could not be judged". */
  static String allureStatus(Status status) {
    return switch (status) {
      case PASSED -> "passed";
      case FAILED -> "failed";
      case UNRESOLVED -> "broken";
    };
  }

  private static void attach(ObjectNode result, Map<String, String> sources, String... names) {
    ArrayNode attachments = (ArrayNode) result.get("attachments");
    for (String name : names) {
      String source = sources.get(name);
      if (source != null) {
        attachments.addObject().put("name", name).put("source", source).put("type", type(source));
      }
    }
  }

  private static String type(String source) {
    return source.endsWith(".json")
        ? "application/json"
        : source.endsWith(".html") ? "text/html" : "text/plain";
  }

  private static String id(Verdict verdict, String test) {
    String key =
        verdict.scenario() + "\n" + verdict.startedMs() + "\n" + verdict.seed() + "\n" + test;
    return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static String environment(Verdict verdict) {
    return "scenario="
        + escape(verdict.scenario())
        + "\nseed="
        + verdict.seed()
        + "\noutcome="
        + escape(verdict.outcome())
        + "\ntasks="
        + verdict.tasks()
        + "\nverdict="
        + verdict.status().label()
        + "\n";
  }

  /** A value safe in a properties file: backslashes and line breaks escaped. */
  private static String escape(String value) {
    return value == null
        ? ""
        : value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
  }

  private static String json(ObjectNode node) {
    try {
      return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree must always serialize, but this one did not", e);
    }
  }
}
