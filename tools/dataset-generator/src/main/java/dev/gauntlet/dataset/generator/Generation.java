package dev.gauntlet.dataset.generator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gauntlet.dataset.Dataset;
import dev.gauntlet.dataset.DatasetWriter;
import dev.gauntlet.dataset.Fixture;
import dev.gauntlet.dataset.Item;
import dev.gauntlet.dataset.PriceHint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * What every dataset generator does the same way: draft each intent's share of items from one seeded random
 * source, keep inputs unique, shuffle, number, audit, and write the files with a header naming the generator.
 * Stateless.
 */
final class Generation {

  private Generation() {}

  /** Redraws before giving up on an intent whose drafts keep clashing with earlier ones. */
  private static final int MAX_REDRAWS = 10_000;

  /**
   * The items of {@code mix} (intent to count, in a fixed order), ids {@code idFormat} of 1, 2, …, in file order.
   * Inputs are unique, and so are calls: the tool mock serves the first fixture declared for a tool and arguments
   * in the whole dataset, so a draft that makes an earlier call with another answer is drawn again.
   *
   * @throws IllegalStateException when an intent drafts an item that {@link ItemAudit} finds broken, or cannot
   *                               draft one that clashes with no earlier item
   */
  static List<Item> items(long seed, String idFormat, Map<Intent, Integer> mix) {
    return items(seed, idFormat, mix, true);
  }

  /**
   * As {@link #items(long, String, Map)}, but only inputs are kept unique: how {@code customer-support} was
   * generated, kept so that its committed files do not change. Some of its look-ups repeat with other answers
   * (search_kb's result counts), which the tool mock answers from the first item.
   */
  static List<Item> itemsWithRepeatedCalls(long seed, String idFormat, Map<Intent, Integer> mix) {
    return items(seed, idFormat, mix, false);
  }

  private static List<Item> items(
      long seed, String idFormat, Map<Intent, Integer> mix, boolean uniqueCalls) {
    SplittableRandom random = new SplittableRandom(seed);
    World world = new World(random);
    List<Draft> drafts = new ArrayList<>();
    Set<String> inputs = new HashSet<>();
    Map<String, JsonNode> answers = new HashMap<>();
    mix.forEach(
        (intent, count) -> {
          for (int i = 0; i < count; i++) {
            Draft draft = intent.draft(world);
            for (int redraws = 0;
                inputs.contains(draft.input()) || uniqueCalls && clashes(draft, answers);
                redraws++) {
              if (redraws == MAX_REDRAWS) {
                throw new IllegalStateException(
                    "could not draft an item unlike the earlier ones after "
                        + MAX_REDRAWS
                        + " tries; the last was "
                        + draft.input());
              }
              draft = intent.draft(world);
            }
            inputs.add(draft.input());
            draft.fixtures().forEach(f -> answers.putIfAbsent(key(f), f.response()));
            drafts.add(draft);
          }
        });
    shuffle(drafts, random);
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < drafts.size(); i++) {
      Item item = drafts.get(i).toItem(String.format(idFormat, i + 1), i + 1);
      List<String> problems = ItemAudit.problems(item);
      if (!problems.isEmpty()) {
        throw new IllegalStateException("the generator drafted a broken item: " + problems);
      }
      items.add(item);
    }
    return items;
  }

  private static boolean clashes(Draft draft, Map<String, JsonNode> answers) {
    return draft.fixtures().stream()
        .anyMatch(f -> answers.containsKey(key(f)) && !answers.get(key(f)).equals(f.response()));
  }

  private static String key(Fixture fixture) {
    return fixture.tool() + '\u0000' + fixture.arguments();
  }

  /**
   * The price hints the generated datasets carry (USD per million tokens, list prices when they were made), in
   * the order written.
   */
  static final Map<String, PriceHint> PRICE_HINTS = prices();

  /** Writes {@code dataset} into {@code dir} with a header that names {@code generator} and {@code seed}. */
  static void write(Dataset dataset, Path dir, String description, Class<?> generator, long seed)
      throws IOException {
    write(dataset, dir, description, Map.of(), generator, seed);
  }

  /** As {@link #write(Dataset, Path, String, Class, long)}, with {@code prices} as the manifest's price hints. */
  static void write(
      Dataset dataset,
      Path dir,
      String description,
      Map<String, PriceHint> prices,
      Class<?> generator,
      long seed)
      throws IOException {
    DatasetWriter.write(
        dir,
        dataset,
        description,
        prices,
        List.of(
            "Generated by " + generator.getName() + " (seed " + seed + ").",
            "Change the generator and regenerate; a test checks that these files match it."));
  }

  /** The directory {@code main} writes to: its first argument, or {@code golden-datasets/<name>}. */
  static Path target(String[] args, String name) {
    return Path.of(args.length > 0 ? args[0] : "golden-datasets/" + name);
  }

  private static Map<String, PriceHint> prices() {
    Map<String, PriceHint> prices = new LinkedHashMap<>();
    prices.put("gpt-4o-mini", new PriceHint(0.15, 0.60));
    prices.put("gpt-4o", new PriceHint(2.50, 10.00));
    prices.put("claude-3-5-haiku", new PriceHint(0.80, 4.00));
    return java.util.Collections.unmodifiableMap(prices);
  }

  private static <T> void shuffle(List<T> list, SplittableRandom random) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      T swapped = list.get(i);
      list.set(i, list.get(j));
      list.set(j, swapped);
    }
  }
}
