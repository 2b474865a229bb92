package dev.gauntlet.dataset.generator;

import dev.gauntlet.dataset.Dataset;
import dev.gauntlet.dataset.Item;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates the {@code content-writer} golden dataset: a writing agent with six tools (source search and reading,
 * style guides, plagiarism checks, keyword research, CMS drafts), in one or two tool rounds with parallel calls,
 * scored with contains, numeric, regex, json_field and trajectory expectations. Seeded and byte-for-byte
 * reproducible.
 */
public final class ContentWriterGenerator {

  /** The seed of the committed dataset. */
  public static final long SEED = 20251126L;

  public static final String NAME = "content-writer";
  static final String DESCRIPTION =
      "A content-writer agent for several brands: style rules, sourced facts, "
          + "originality checks, keywords and CMS drafts. Generated; do not edit by hand.";

  private final long seed;

  public ContentWriterGenerator(long seed) {
    this.seed = seed;
  }

  public static void main(String[] args) throws IOException {
    Path dir = Generation.target(args, NAME);
    Dataset dataset = new ContentWriterGenerator(SEED).generate(dir);
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
        dataset, dir, DESCRIPTION, Generation.PRICE_HINTS, ContentWriterGenerator.class, SEED);
  }

  /** The whole dataset, as if read from {@code dir}. */
  public Dataset generate(Path dir) {
    return new Dataset(NAME, "1.0.0", "content-studio", WriterTools.catalog(), items(), dir);
  }

  /** The items, in file order, ids {@code cw-0001}…. */
  public List<Item> items() {
    Map<Intent, Integer> mix = new LinkedHashMap<>();
    mix.put(ContentWriterIntents.styleRules(), 40);
    mix.put(ContentWriterIntents.sourcedFact(), 44);
    mix.put(ContentWriterIntents.plagiarism(), 36);
    mix.put(ContentWriterIntents.publish(), 44);
    mix.put(ContentWriterIntents.keywords(), 38);
    return Generation.items(seed, "cw-%04d", mix);
  }
}
