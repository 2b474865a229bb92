package dev.gauntlet.dataset.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.dataset.Dataset;
import dev.gauntlet.dataset.DatasetLoader;
import dev.gauntlet.dataset.Item;
import dev.gauntlet.dataset.ScriptStep;
import dev.gauntlet.dataset.ToolCall;
import dev.gauntlet.dataset.ToolDef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomerSupportDatasetTest {

  static final Path COMMITTED =
      Path.of(
          System.getProperty("gauntlet.home", ".."),
          "golden-datasets",
          CustomerSupportGenerator.NAME);

  static Dataset dataset;

  @BeforeAll
  static void load() {
    dataset = DatasetLoader.load(COMMITTED);
  }

  @Test
  void committedDatasetLoadsWithAtLeast200UniqueItems() {
    assertThat(dataset.items()).hasSizeGreaterThanOrEqualTo(200);
    assertThat(dataset.items()).extracting(Item::id).doesNotHaveDuplicates();
    assertThat(dataset.items()).extracting(Item::input).doesNotHaveDuplicates();
    assertThat(dataset.tools()).extracting(ToolDef::name).hasSize(8);
  }

  @Test
  void committedFilesAreWhatTheGeneratorWrites(@TempDir Path dir) throws IOException {
    Path regenerated = dir.resolve(CustomerSupportGenerator.NAME);
    CustomerSupportGenerator.write(
        new CustomerSupportGenerator(CustomerSupportGenerator.SEED).generate(regenerated),
        regenerated);

    for (String file : List.of(DatasetLoader.MANIFEST, DatasetLoader.ITEMS)) {
      assertThat(Files.readAllBytes(regenerated.resolve(file)))
          .as("%s must match the generator; run CustomerSupportGenerator to regenerate it", file)
          .isEqualTo(Files.readAllBytes(COMMITTED.resolve(file)));
    }
  }

  @Test
  void aFaithfulAgentPassesEveryItemAndOnlyToolResultsCanMakeItPass() {
    assertThat(dataset.items().stream().flatMap(item -> ItemAudit.problems(item).stream()))
        .isEmpty();
  }

  @Test
  void everyToolIsUsedAndScriptsAreSingleSequentialParallelAndToolless() {
    assertThat(
            dataset.items().stream()
                .flatMap(CustomerSupportDatasetTest::calls)
                .map(ToolCall::name)
                .collect(Collectors.toSet()))
        .containsExactlyInAnyOrderElementsOf(dataset.tools().stream().map(ToolDef::name).toList());
    assertThat(dataset.items())
        .anyMatch(item -> callSteps(item) == 0)
        .anyMatch(item -> callSteps(item) == 1)
        .anyMatch(item -> callSteps(item) >= 2)
        .anyMatch(
            item ->
                item.script().stream()
                    .anyMatch(
                        step ->
                            step instanceof ScriptStep.CallTools tools
                                && tools.calls().size() > 1));
  }

  private static long callSteps(Item item) {
    return item.script().stream().filter(ScriptStep.CallTools.class::isInstance).count();
  }

  private static Stream<ToolCall> calls(Item item) {
    return item.script().stream()
        .filter(ScriptStep.CallTools.class::isInstance)
        .flatMap(step -> ((ScriptStep.CallTools) step).calls().stream());
  }
}
