package dev.gauntlet.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gauntlet.reports.internal.VerdictJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/reports.md documents verdict.json key for key: a key added without its row fails here. */
class VerdictSchemaDocTest {

  private static final Path DOC = Path.of(System.getProperty("gauntlet.home", "..")).resolve("docs/reports.md");

  @TempDir
  Path dir;

  @Test
  void everyKeyOfVerdictJsonIsDocumentedAndNothingElse() throws IOException {
    RunFixture run = EvaluatorTest.outage(new RunFixture(dir), 90_000).slo("success_rate", 0.95, null);
    JsonNode verdict = VerdictJson.tree(run.evaluate());

    Set<String> keys = new LinkedHashSet<>();
    verdict.fieldNames().forEachRemaining(key -> {
      keys.add(key);
      if (verdict.get(key).isArray()) { // each element's keys follow the array's own row
        verdict.get(key).get(0).fieldNames().forEachRemaining(k -> keys.add(key + "[]." + k));
      }
    });

    assertThat(documentedKeys()).containsExactlyElementsOf(keys);
    assertThat(metricsRow()).as("the metrics row names every metric").contains(Evaluator.METRIC_ORDER.stream()
        .map(metric -> "`" + metric + "`").toList());
    assertThat(verdict.get("schema_version").asInt()).isEqualTo(1);
  }

  private static List<String> documentedKeys() throws IOException {
    String section = Files.readString(DOC).split("## verdict.json", 2)[1];
    Matcher row = Pattern.compile("(?m)^\\| `([^`]+)` \\|").matcher(section);
    return row.results().map(m -> m.group(1)).toList();
  }

  private static String metricsRow() throws IOException {
    return Files.readString(DOC).lines().filter(line -> line.startsWith("| `metrics` |")).findFirst().orElseThrow();
  }
}
