package dev.gauntlet.dataset.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.dataset.Dataset;
import dev.gauntlet.dataset.DatasetLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class GeneratedItemProperties {

  @Property(tries = 12)
  void everyGeneratedItemRoundTripsThroughJsonAndLoads(@ForAll long seed) throws IOException {
    Path dir = Files.createTempDirectory("gauntlet-dataset").resolve(CustomerSupportGenerator.NAME);
    Dataset generated = new CustomerSupportGenerator(seed).generate(dir);

    CustomerSupportGenerator.write(generated, dir);
    Dataset loaded = DatasetLoader.load(dir);

    assertThat(loaded.items()).as("seed %d", seed).isEqualTo(generated.items());
    assertThat(loaded.tools()).isEqualTo(generated.tools());
  }
}
