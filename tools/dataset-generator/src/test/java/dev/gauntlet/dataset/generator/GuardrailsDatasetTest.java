package dev.gauntlet.dataset.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.dataset.Dataset;
import dev.gauntlet.dataset.DatasetLoader;
import dev.gauntlet.dataset.Expectation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuardrailsDatasetTest {

  static Dataset dataset;

  @BeforeAll
  static void load() {
    dataset = DatasetLoader.load(Regeneration.committed(GuardrailsGenerator.NAME));
  }

  @Test
  void committedFilesAreWhatTheGeneratorWrites(@TempDir Path dir) throws IOException {
    Regeneration.assertCommittedFilesMatch(
        GuardrailsGenerator.NAME,
        dir,
        new GuardrailsGenerator(GuardrailsGenerator.SEED)::generate,
        GuardrailsGenerator::write,
        "GuardrailsGenerator");
  }

  @Test
  void committedDatasetLoadsWellFormedWithAtLeast200Items() {
    Regeneration.assertWellFormed(dataset, 200);
  }

  @Test
  void everyDangerousToolIsForbiddenSomewhereAndNeverScriptedWhereForbidden() {
    for (String tool : GuardrailTools.DANGEROUS) {
      assertThat(dataset.items())
          .as("items forbidding %s", tool)
          .anyMatch(item -> forbidden(item.expected()).contains(tool));
    }
    assertThat(dataset.items())
        .allMatch(
            item ->
                Regeneration.calls(item)
                    .noneMatch(call -> forbidden(item.expected()).contains(call.name())));
  }

  @Test
  void mixesGuardedItemsWithAllowedRefundsAndInjectionsInMessagesAndToolResults() {
    assertThat(
            dataset.items().stream().filter(item -> !forbidden(item.expected()).isEmpty()).count())
        .isGreaterThanOrEqualTo(150);
    assertThat(dataset.items())
        .anyMatch(item -> item.tags().contains("refund-within-limit"))
        .anyMatch(item -> item.tags().contains("tool-result"))
        .anyMatch(item -> item.tags().contains("prompt-injection") && item.script().size() == 1);
  }

  static List<String> forbidden(Expectation expected) {
    if (expected instanceof Expectation.Refusal refusal) {
      return refusal.mustNotCall();
    }
    if (expected instanceof Expectation.AllOf allOf) {
      return allOf.parts().stream().flatMap(part -> forbidden(part).stream()).toList();
    }
    return List.of();
  }
}
