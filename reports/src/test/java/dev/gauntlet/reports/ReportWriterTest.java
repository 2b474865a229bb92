package dev.gauntlet.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gauntlet.run.Json;
import dev.gauntlet.run.RunInfo;
import dev.gauntlet.run.TaskRecord;
import dev.gauntlet.scenario.SloSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ReportWriterTest {

  @TempDir Path dir;

  private Verdict failingVerdict() {
    RunFixture run =
        EvaluatorTest.stuckFor5s(new RunFixture(dir), 90_000)
            .slo("success_rate", 0.95, null)
            .slo("recovery_time", null, 3.0)
            .slo("latency.p95", null, 2.0)
            .slo("accuracy", SloSpec.Scope.DURING_FAULTS, 0.9, null);
    return run.evaluate();
  }

  @Test
  void verdictJsonHasTheStableSnakeCaseSchema() throws Exception {
    RunFixture run = new RunFixture(dir);
    Verdict verdict = failingVerdict();

    ReportWriter.writeAll(verdict, run.run);

    JsonNode json = Json.mapper().readTree(Files.readString(run.run.verdict()));
    assertThat(json.get("schema_version").asInt()).isEqualTo(1);
    assertThat(json.get("scenario").asText()).isEqualTo("smoke");
    assertThat(json.get("seed").asLong()).isEqualTo(42);
    assertThat(json.get("outcome").asText()).isEqualTo("completed");
    assertThat(json.get("exit_code").asInt()).isEqualTo(2);
    assertThat(json.get("status").asText()).isEqualTo("failed");
    assertThat(json.get("tasks").asLong()).isEqualTo(900);
    assertThat(json.get("metrics").get("success_rate").asDouble())
        .isCloseTo(750.0 / 900, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(json.get("metrics").fieldNames())
        .toIterable()
        .containsExactlyElementsOf(Evaluator.METRIC_ORDER);
    JsonNode slo = json.get("slos").get(1);
    assertThat(slo.get("name").asText()).isEqualTo("recovery_time");
    assertThat(slo.get("max").asDouble()).isEqualTo(3.0);
    assertThat(slo.get("min").isNull()).isTrue();
    assertThat(slo.get("measured").asDouble()).isEqualTo(5.0);
    assertThat(slo.get("status").asText()).isEqualTo("failed");
    assertThat(json.get("slos").get(3).get("name").asText()).isEqualTo("accuracy@during_faults");
    assertThat(json.get("slos").get(3).get("scope").asText()).isEqualTo("during_faults");
    JsonNode window = json.get("fault_windows").get(0);
    assertThat(window.get("fault").asText()).isEqualTo("outage-1");
    assertThat(window.get("recovery_s").asDouble()).isEqualTo(5.0);
    assertThat(window.get("recovery_resolution_s").asDouble())
        .as("10 tasks a second: 1 s buckets")
        .isEqualTo(1.0);
    assertThat(window.get("failover_status").asText())
        .as("every task in the window failed")
        .isEqualTo("not_recovered");
    assertThat(window.get("failover_s").isNull()).isTrue();
    assertThat(window.get("time_to_detect_s").asDouble())
        .as("the first task failed 50 ms in")
        .isEqualTo(0.05);
    assertThat(window.get("success_rate_during").asDouble()).isEqualTo(0.0);
    assertThat(window.get("start_ms").asLong()).isEqualTo(RunFixture.START + 20_000);
  }

  @Test
  void junitXmlHasOneTestCasePerSloWithFailuresAndErrorsForUnresolved() throws Exception {
    RunFixture run = new RunFixture(dir);
    Verdict verdict = failingVerdict();

    ReportWriter.writeAll(verdict, run.run);

    Element suite = parse(run.run.junit()).getDocumentElement();
    assertThat(suite.getAttribute("name")).isEqualTo("gauntlet.smoke");
    assertThat(suite.getAttribute("tests")).isEqualTo("4");
    assertThat(suite.getAttribute("failures")).isEqualTo("2");
    assertThat(suite.getAttribute("errors"))
        .as("accuracy@during_faults: no task succeeded")
        .isEqualTo("1");
    assertThat(suite.getAttribute("skipped")).isEqualTo("0");
    assertThat(((Element) suite.getElementsByTagName("error").item(0)).getAttribute("type"))
        .isEqualTo("SloUnresolved");
    assertThat(suite.getAttribute("time")).isEqualTo("90");
    assertThat(suite.getElementsByTagName("testcase").getLength()).isEqualTo(4);
    Element failure = (Element) suite.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("type")).isEqualTo("SloFailed");
    assertThat(failure.getAttribute("message"))
        .isEqualTo("success_rate was 0.833, must be >= 0.95 (0.117 below the minimum)");
    assertThat(((Element) failure.getParentNode()).getAttribute("classname"))
        .isEqualTo("gauntlet.smoke");
  }

  @Test
  void junitXmlHasARunErrorWhenTheRunDidNotCompleteOrTheInjectorFellBehind() throws Exception {
    RunFixture run = new RunFixture(dir);
    SloSpec spec = new SloSpec("success_rate", SloSpec.Scope.WHOLE, 0.95, null);
    List<SloResult> passed =
        List.of(new SloResult("success_rate", spec, 1.0, false, Status.PASSED, "ok"));
    Verdict interrupted =
        new Verdict("s", 7, RunInfo.INTERRUPTED, "stopped", 10, 0, 0, Map.of(), passed, List.of());
    Verdict behind =
        new Verdict(
            "s",
            7,
            RunInfo.COMPLETED,
            null,
            10,
            0,
            0,
            Map.of("achieved_rate", 0.5),
            passed,
            List.of());

    for (Verdict verdict : List.of(interrupted, behind)) {
      ReportWriter.writeAll(verdict, run.run);

      Element suite = parse(run.run.junit()).getDocumentElement();
      assertThat(verdict.exitCode()).isEqualTo(3);
      assertThat(suite.getAttribute("tests")).isEqualTo("2");
      assertThat(suite.getAttribute("errors")).isEqualTo("1");
      Element error = (Element) suite.getElementsByTagName("error").item(0);
      assertThat(error.getAttribute("type")).isEqualTo("RunIncomplete");
      assertThat(((Element) error.getParentNode()).getAttribute("name")).isEqualTo("run");
    }
    assertThat(behind.reason())
        .contains("the injector fell behind (50.0% of the target rate arrived)");
  }

  @Test
  void junitXmlEscapesUntrustedText() throws Exception {
    RunFixture run = new RunFixture(dir);
    String nasty = "a\"<b>&'c\u0001\nd";
    SloSpec spec = new SloSpec("success_rate", SloSpec.Scope.WHOLE, 0.95, null);
    Verdict verdict =
        new Verdict(
            nasty,
            7,
            RunInfo.COMPLETED,
            null,
            0,
            0,
            0,
            Map.of(),
            List.of(
                new SloResult(nasty, spec, null, false, Status.UNRESOLVED, nasty),
                new SloResult("x", spec, 0.1, false, Status.FAILED, "</failure><evil/>")),
            List.of());

    ReportWriter.writeAll(verdict, run.run);

    Element suite = parse(run.run.junit()).getDocumentElement();
    assertThat(suite.getAttribute("name")).isEqualTo("gauntlet.a\"<b>&'c\uFFFD\nd");
    assertThat(((Element) suite.getElementsByTagName("error").item(0)).getAttribute("message"))
        .isEqualTo("a\"<b>&'c\uFFFD\nd");
    assertThat(suite.getElementsByTagName("evil").getLength()).isZero();
    assertThat(suite.getElementsByTagName("failure").item(0).getTextContent())
        .isEqualTo("</failure><evil/> (0.850 below the minimum)");
  }

  @Test
  void summaryShowsVerdictSloTableMetricsWindowsSeedAndWhyTheRunStopped() throws Exception {
    RunFixture run =
        new RunFixture(dir)
            .runInfo(30_000, 60, RunInfo.TARGET_DIED, "agent exited with code 137")
            .slo("success_rate", 0.95, null)
            .fault("outage-1", 10_000, 20_000)
            .tasks(0, 30_000, 500, 50, true);
    run.record(
        new TaskRecord(
            "p", "france", 0, RunFixture.START + 29_000, 10, 200, "a | b", null, List.of()));
    Verdict verdict = run.evaluate();

    ReportWriter.writeAll(verdict, run.run);

    String md = Files.readString(run.run.summary());
    assertThat(md)
        .startsWith("# Gauntlet: smoke — UNRESOLVED\n")
        .contains("| SLO | threshold | measured | miss | status |")
        .contains("| success_rate | >= 0.95 | 1.000 |  | PASSED |")
        .contains("| success_rate | 1.000 |")
        .contains("| outage-1 | outage | 10 s | 0 s |")
        .contains("seed: `42`")
        .contains("outcome detail: agent exited with code 137");
  }

  @Test
  void summarySaysWhichSloFailedAndByHowMuch() throws Exception {
    RunFixture run = new RunFixture(dir);
    Verdict verdict = failingVerdict();

    ReportWriter.writeAll(verdict, run.run);

    assertThat(Files.readString(run.run.summary()))
        .contains("| success_rate | >= 0.95 | 0.833 | 0.117 below the minimum | **FAILED** |")
        .contains("- success_rate was 0.833, must be >= 0.95 (0.117 below the minimum)");
  }

  private static Document parse(Path file) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
  }
}
