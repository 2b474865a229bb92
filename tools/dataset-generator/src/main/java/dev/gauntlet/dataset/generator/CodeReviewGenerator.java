package dev.gauntlet.dataset.generator;

import dev.gauntlet.dataset.Dataset;
import dev.gauntlet.dataset.Item;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates the {@code code-review} golden dataset: a review bot on a code host with eight tools (pull requests,
 * diffs, files, tests, CI, code search, comments, reviews), in one to three tool rounds with parallel calls, scored
 * with contains, numeric, regex, json_field and trajectory expectations. Seeded and byte-for-byte reproducible.
 */
public final class CodeReviewGenerator {

  /** The seed of the committed dataset. */
  public static final long SEED = 20251124L;

  public static final String NAME = "code-review";
  static final String DESCRIPTION =
      "A code-review agent on a code host: summarises pull requests, runs tests, "
          + "reads diffs and files, comments and submits reviews. Generated; do not edit by hand.";

  private final long seed;

  public CodeReviewGenerator(long seed) {
    this.seed = seed;
  }

  public static void main(String[] args) throws IOException {
    Path dir = Generation.target(args, NAME);
    Dataset dataset = new CodeReviewGenerator(SEED).generate(dir);
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
        dataset, dir, DESCRIPTION, Generation.PRICE_HINTS, CodeReviewGenerator.class, SEED);
  }

  /** The whole dataset, as if read from {@code dir}. */
  public Dataset generate(Path dir) {
    return new Dataset(
        NAME, "1.0.0", "developer-productivity", CodeReviewTools.catalog(), items(), dir);
  }

  /** The items, in file order, ids {@code cr-0001}…. */
  public List<Item> items() {
    Map<Intent, Integer> mix = new LinkedHashMap<>();
    mix.put(CodeReviewIntents.summary(), 40);
    mix.put(CodeReviewIntents.testFailures(), 40);
    mix.put(CodeReviewIntents.commentOnDiff(), 36);
    mix.put(CodeReviewIntents.ciAndLint(), 30);
    mix.put(CodeReviewIntents.findDefinition(), 30);
    mix.put(CodeReviewIntents.verdict(), 34);
    return Generation.items(seed, "cr-%04d", mix);
  }
}
