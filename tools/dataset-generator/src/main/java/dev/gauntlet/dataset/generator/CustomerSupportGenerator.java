package dev.gauntlet.dataset.generator;

import dev.gauntlet.dataset.Dataset;
import dev.gauntlet.dataset.Item;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates the {@code customer-support} golden dataset: a shop's support agent with eight tools, and a few hundred
 * varied requests (single calls, sequential calls that feed one result into the next call, parallel calls, and
 * answers without tools). The same seed always gives the same bytes, so the committed files can be checked against
 * the generator. Run {@code main} with the output directory (default {@code golden-datasets/customer-support}).
 */
public final class CustomerSupportGenerator {

  /** The seed of the committed dataset. */
  public static final long SEED = 20250310L;

  public static final String NAME = "customer-support";
  static final String VERSION = "1.0.0";
  static final String DESCRIPTION =
      "Customer support for an online shop: orders, shipping, refunds, accounts and "
          + "help-center questions, answered with eight tools. Generated; do not edit by hand.";

  private final long seed;

  public CustomerSupportGenerator(long seed) {
    this.seed = seed;
  }

  public static void main(String[] args) throws IOException {
    Path dir = Generation.target(args, NAME);
    Dataset dataset = new CustomerSupportGenerator(SEED).generate(dir);
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
    Generation.write(dataset, dir, DESCRIPTION, CustomerSupportGenerator.class, SEED);
  }

  /** The whole dataset, as if read from {@code dir}. */
  public Dataset generate(Path dir) {
    return new Dataset(NAME, VERSION, "support-quality", SupportTools.catalog(), items(), dir);
  }

  /** The items, in file order, with ids {@code cs-0001}… and their line numbers. */
  public List<Item> items() {
    return Generation.itemsWithRepeatedCalls(seed, "cs-%04d", mix());
  }

  /** How many items of each intent; the order matters for reproducibility. */
  private static Map<Intent, Integer> mix() {
    Map<Intent, Integer> mix = new LinkedHashMap<>();
    mix.put(OrderIntents.status(), 40);
    mix.put(OrderIntents.trackingNumberOnly(), 12);
    mix.put(OrderIntents.statusAsJson(), 12);
    mix.put(ShippingIntents.trackViaOrder(), 36);
    mix.put(ShippingIntents.trackDirect(), 20);
    mix.put(ShippingIntents.changeAddress(), 20);
    mix.put(RefundIntents.eligible(), 28);
    mix.put(RefundIntents.notEligible(), 12);
    mix.put(AccountIntents.loyalty(), 22);
    mix.put(AccountIntents.ticket(), 20);
    mix.put(KnowledgeIntents.searchKb(), 28);
    mix.put(KnowledgeIntents.faq(), 12);
    mix.put(ParallelIntents.orderAndPoints(), 10);
    mix.put(ParallelIntents.deliveredAndReturnable(), 8);
    mix.put(ParallelIntents.orderAndPolicy(), 8);
    return mix;
  }
}
