package dev.gauntlet.dataset.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.dataset.Dataset;
import dev.gauntlet.dataset.DatasetLoader;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataAnalystDatasetTest {

  static Dataset dataset;

  @BeforeAll
  static void load() {
    dataset = DatasetLoader.load(Regeneration.committed(DataAnalystGenerator.NAME));
  }

  @Test
  void committedFilesAreWhatTheGeneratorWrites(@TempDir Path dir) throws IOException {
    Regeneration.assertCommittedFilesMatch(
        DataAnalystGenerator.NAME,
        dir,
        new DataAnalystGenerator(DataAnalystGenerator.SEED)::generate,
        DataAnalystGenerator::write,
        "DataAnalystGenerator");
  }

  @Test
  void committedDatasetLoadsWellFormedWithAtLeast200Items() {
    Regeneration.assertWellFormed(dataset, 200);
  }

  @Test
  void scriptsTakeOneOrTwoRoundsWithParallelCallsAndVariedExpectations() {
    assertThat(Regeneration.withCallSteps(dataset, 1)).isPositive();
    assertThat(Regeneration.withCallSteps(dataset, 2)).isPositive();
    assertThat(Regeneration.withParallelCalls(dataset)).isPositive();
    assertThat(Regeneration.kinds(dataset))
        .containsKeys("contains", "numeric", "regex", "json_field", "trajectory");
  }
}
