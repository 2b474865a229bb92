package dev.gauntlet.dataset;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A golden dataset: the tasks to send, what a right answer looks like, the tools the agent may call with their
 * fixtures, and the scripts the scripted model follows. Immutable and thread-safe.
 *
 * @param name    directory name under {@code golden-datasets/}
 * @param version the dataset's own version, reported with every run
 * @param owner   team that maintains it
 * @param tools   the tool catalog, with JSON schemas for the arguments
 * @param items   the tasks, in file order
 * @param dir     directory it was read from
 * @param prices  {@code dataset.yaml}'s price hints by model name, in file order: what each model cost when the
 *                dataset was made, for models a scenario's {@code prices} leave out ({@link PriceHints})
 */
public record Dataset(
    String name,
    String version,
    String owner,
    List<ToolDef> tools,
    List<Item> items,
    Path dir,
    Map<String, PriceHint> prices) {

  public Dataset {
    tools = List.copyOf(tools);
    items = List.copyOf(items);
    prices = Collections.unmodifiableMap(new LinkedHashMap<>(prices));
  }

  /** A dataset without price hints. */
  public Dataset(
      String name, String version, String owner, List<ToolDef> tools, List<Item> items, Path dir) {
    this(name, version, owner, tools, items, dir, Map.of());
  }

  /** Items by id. */
  public Map<String, Item> itemsById() {
    return items.stream().collect(Collectors.toUnmodifiableMap(Item::id, Function.identity()));
  }

  /** The catalog entry for a tool name, if the tool exists. */
  public Optional<ToolDef> tool(String toolName) {
    return tools.stream().filter(t -> t.name().equals(toolName)).findFirst();
  }
}
