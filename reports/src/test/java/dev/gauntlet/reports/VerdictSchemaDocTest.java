package dev.gauntlet.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gauntlet.reports.internal.VerdictJson;
import dev.gauntlet.run.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/reports.md documents verdict.json and series.jsonl key for key: a key added without its row fails here. */
class VerdictSchemaDocTest {

  private static final Path DOC =
      Path.of(System.getProperty("gauntlet.home", "..")).resolve("docs/reports.md");

  @TempDir Path dir;

  @Test
  void everyKeyOfVerdictJsonIsDocumentedAndNothingElse() throws IOException {
    RunFixture run =
        EvaluatorTest.outage(new RunFixture(dir), 90_000).slo("success_rate", 0.95, null);
    JsonNode verdict = VerdictJson.tree(run.evaluate());

    Set<String> keys = new LinkedHashSet<>();
    verdict
        .fieldNames()
        .forEachRemaining(
            key -> {
              keys.add(key);
              if (verdict.get(key).isArray()) { // each element's keys follow the array's own row
                verdict
                    .get(key)
                    .get(0)
                    .fieldNames()
                    .forEachRemaining(k -> keys.add(key + "[]." + k));
              }
            });

    assertThat(documentedKeys()).containsExactlyElementsOf(keys);
    assertThat(metricsRow())
        .as("the metrics row names every metric")
        .contains(Evaluator.METRIC_ORDER.stream().map(metric -> "`" + metric + "`").toList());
    assertThat(verdict.get("schema_version").asInt()).isEqualTo(1);
    for (String phase : List.of("before", "during", "after")) {
      List<String> phaseKeys = new ArrayList<>();
      verdict.get("fault_windows").get(0).get(phase).fieldNames().forEachRemaining(phaseKeys::add);
      assertThat(phaseKeys)
          .as("fault_windows[].%s: tasks, then every segment metric", phase)
          .containsExactlyElementsOf(segmentKeys());
    }
    assertThat(row("| `fault_windows[].before` |"))
        .as("the phase row names every segment metric")
        .contains(Evaluator.SEGMENT_METRICS.stream().map(metric -> "`" + metric + "`").toList());
  }

  @Test
  void everyKeyOfSeriesJsonlIsDocumentedAndNothingElse() throws IOException {
    RunFixture run =
        EvaluatorTest.outage(new RunFixture(dir), 90_000).slo("success_rate", 0.95, null);
    ReportWriter.writeGate(run.evaluate(), run.run);
    List<String> lines = Files.readAllLines(ReportWriter.series(run.run));
    JsonNode first = Json.mapper().readTree(lines.get(0));

    List<String> keys = new ArrayList<>();
    first.fieldNames().forEachRemaining(keys::add);

    assertThat(lines).as("one line per 10 s bucket of a 90 s run").hasSize(9);
    assertThat(keys).containsExactlyElementsOf(seriesKeys());
    assertThat(seriesKeys().subList(3, seriesKeys().size()))
        .as("after start_ms, end_ms, tasks: the phase metrics")
        .containsExactlyElementsOf(segmentKeys().subList(1, segmentKeys().size()));
  }

  private static List<String> segmentKeys() {
    List<String> keys = new ArrayList<>(List.of("tasks"));
    keys.addAll(Evaluator.SEGMENT_METRICS);
    return keys;
  }

  /** The keys of the table in docs/reports.md's series.jsonl section; the metrics row names each metric. */
  private static List<String> seriesKeys() throws IOException {
    String section = Files.readString(DOC).split("## series.jsonl", 2)[1].split("\n## ", 2)[0];
    List<String> keys = new ArrayList<>();
    Pattern.compile("(?m)^\\| `([^`]+)` \\|")
        .matcher(section)
        .results()
        .forEach(m -> keys.add(m.group(1)));
    return keys;
  }

  private static String row(String prefix) throws IOException {
    return Files.readString(DOC)
        .lines()
        .filter(line -> line.startsWith(prefix))
        .findFirst()
        .orElseThrow();
  }

  private static List<String> documentedKeys() throws IOException {
    String section = Files.readString(DOC).split("## verdict.json", 2)[1].split("\n## ", 2)[0];
    Matcher row = Pattern.compile("(?m)^\\| `([^`]+)` \\|").matcher(section);
    return row.results().map(m -> m.group(1)).toList();
  }

  private static String metricsRow() throws IOException {
    return Files.readString(DOC)
        .lines()
        .filter(line -> line.startsWith("| `metrics` |"))
        .findFirst()
        .orElseThrow();
  }
}
