package dev.gauntlet.faults.internal.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gauntlet.dataset.Dataset;
import dev.gauntlet.dataset.Fixture;
import dev.gauntlet.dataset.Item;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every fixture of a dataset, by tool name and canonical arguments; the first item to declare a call wins.
 * Immutable and thread-safe.
 */
public final class FixtureIndex {

  /** A fixture and the item it came from. */
  public record Match(String itemId, Fixture fixture) {}

  private final Map<String, Match> byCall = new HashMap<>();

  public FixtureIndex(Dataset dataset) {
    for (Item item : dataset.items()) {
      for (Fixture fixture : item.fixtures()) {
        byCall.putIfAbsent(key(fixture.tool(), fixture.arguments()), new Match(item.id(), fixture));
      }
    }
  }

  /** The fixture for a call of {@code tool} with {@code arguments}. */
  public Optional<Match> find(String tool, JsonNode arguments) {
    return Optional.ofNullable(byCall.get(key(tool, arguments)));
  }

  private static String key(String tool, JsonNode arguments) {
    return tool + '\u0000' + CanonicalJson.of(arguments);
  }
}
