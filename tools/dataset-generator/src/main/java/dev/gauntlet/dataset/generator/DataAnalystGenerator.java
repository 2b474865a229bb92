package dev.gauntlet.dataset.generator;

import dev.gauntlet.dataset.Dataset;
import dev.gauntlet.dataset.Item;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates the {@code data-analyst} golden dataset: an analytics agent on a warehouse with six tools (tables,
 * schemas, SQL, charts, metric definitions, exports), in one or two tool rounds with parallel calls, scored with
 * numeric, contains, regex, json_field and trajectory expectations. Seeded and byte-for-byte reproducible.
 */
public final class DataAnalystGenerator {

  /** The seed of the committed dataset. */
  public static final long SEED = 20251125L;

  public static final String NAME = "data-analyst";
  static final String DESCRIPTION =
      "A data-analyst agent on a warehouse: counts, governed metrics, schemas, charts "
          + "and exports, answered with SQL. Generated; do not edit by hand.";

  private final long seed;

  public DataAnalystGenerator(long seed) {
    this.seed = seed;
  }

  public static void main(String[] args) throws IOException {
    Path dir = Generation.target(args, NAME);
    Dataset dataset = new DataAnalystGenerator(SEED).generate(dir);
    write(dataset, dir);
    System.out.println(
        "wrote "
            + dataset.items().size()
            + " items and "
            + dataset.tools().size()
            + " tools to "
            + dir);
  }

  /** Writes {@code dataset} as the committed files are written. */
  public static void write(Dataset dataset, Path dir) throws IOException {
    Generation.write(
        dataset, dir, DESCRIPTION, Generation.PRICE_HINTS, DataAnalystGenerator.class, SEED);
  }

  /** The whole dataset, as if read from {@code dir}. */
  public Dataset generate(Path dir) {
    return new Dataset(NAME, "1.0.0", "analytics-platform", AnalystTools.catalog(), items(), dir);
  }

  /** The items, in file order, ids {@code da-0001}…. */
  public List<Item> items() {
    Map<Intent, Integer> mix = new LinkedHashMap<>();
    mix.put(DataAnalystIntents.count(), 40);
    mix.put(DataAnalystIntents.explore(), 36);
    mix.put(DataAnalystIntents.metric(), 40);
    mix.put(DataAnalystIntents.chart(), 30);
    mix.put(DataAnalystIntents.lineage(), 30);
    mix.put(DataAnalystIntents.export(), 26);
    return Generation.items(seed, "da-%04d", mix);
  }
}
