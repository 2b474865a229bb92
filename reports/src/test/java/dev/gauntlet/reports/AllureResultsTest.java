package dev.gauntlet.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gauntlet.run.Json;
import dev.gauntlet.scenario.SloSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllureResultsTest {

  @TempDir Path dir;

  @Test
  void oneTestPerSloWithFaultWindowsAsStepsAndTheReportsAttached() throws IOException {
    RunFixture run =
        EvaluatorTest.stuckFor5s(new RunFixture(dir), 90_000)
            .slo("success_rate", 0.95, null)
            .slo("recovery_time", null, 3.0)
            .slo("latency.p95", null, 2.0)
            .slo("accuracy", SloSpec.Scope.DURING_FAULTS, 0.9, null);

    ReportWriter.writeAll(run.evaluate(), RunFixture.dataset(), run.run);

    List<JsonNode> results = results(ReportWriter.allureResults(run.run));
    assertThat(results)
        .extracting(r -> r.get("name").asText())
        .containsExactlyInAnyOrder(
            "success_rate", "recovery_time", "latency.p95", "accuracy@during_faults");
    JsonNode failed = byName(results, "success_rate");
    assertThat(failed.get("status").asText()).isEqualTo("failed");
    assertThat(failed.at("/statusDetails/message").asText())
        .isEqualTo("success_rate was 0.833, must be >= 0.95 (0.117 below the minimum)");
    assertThat(byName(results, "accuracy@during_faults").get("status").asText())
        .as("unresolved")
        .isEqualTo("broken");
    assertThat(byName(results, "latency.p95").get("status").asText()).isEqualTo("passed");
    assertThat(failed.at("/labels").findValuesAsText("value")).contains("gauntlet.smoke");
    JsonNode step = failed.at("/steps/0");
    assertThat(step.get("name").asText())
        .isEqualTo("fault outage-1 (outage) at +20 s for 10 s; recovery 5 s");
    assertThat(step.get("status").asText()).isEqualTo("passed");
    assertThat(failed.get("attachments").findValuesAsText("name"))
        .containsExactly("verdict.json", "report.html", "worst tasks (transcripts)");
    assertThat(byName(results, "latency.p95").get("attachments").findValuesAsText("name"))
        .containsExactly("verdict.json", "report.html");
    for (String source : failed.get("attachments").findValuesAsText("source")) {
      assertThat(ReportWriter.allureResults(run.run).resolve(source)).isNotEmptyFile();
    }
    assertThat(ReportWriter.allureResults(run.run).resolve("environment.properties"))
        .content()
        .contains("scenario=smoke")
        .contains("seed=42");
  }

  @Test
  void rewritingReplacesTheResultsOfTheEarlierVerdict() throws IOException {
    RunFixture run =
        EvaluatorTest.outage(new RunFixture(dir), 90_000)
            .slo("success_rate", 0.95, null)
            .slo("latency.p95", null, 2.0);
    ReportWriter.writeAll(run.evaluate(), run.run);
    RunFixture rejudged = new RunFixture(dir).slo("latency.p95", null, 2.0);

    ReportWriter.writeAll(rejudged.evaluate(), run.run);

    assertThat(results(ReportWriter.allureResults(run.run)))
        .extracting(r -> r.get("name").asText())
        .containsExactly("latency.p95");
    assertThat(dir.resolve("allure-results.tmp")).doesNotExist();
  }

  private static JsonNode byName(List<JsonNode> results, String name) {
    return results.stream()
        .filter(r -> r.get("name").asText().equals(name))
        .findFirst()
        .orElseThrow();
  }

  static List<JsonNode> results(Path dir) throws IOException {
    List<JsonNode> results = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith("-result.json")).toList()) {
        results.add(Json.mapper().readTree(file.toFile()));
      }
    }
    return results;
  }
}
