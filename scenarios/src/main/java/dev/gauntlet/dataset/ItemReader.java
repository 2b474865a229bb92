package dev.gauntlet.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the shape of one item line; what it says about tools is checked by {@link ItemChecker}. */
final class ItemReader {

  private static final List<String> KEYS =
      List.of("id", "input", "tags", "expected", "fixtures", "script");
  private static final List<String> FIXTURE_KEYS =
      List.of("tool", "arguments", "status", "response");

  private ItemReader() {}

  /**
   * The item, or empty when anything about it was reported. {@code defaults} are {@code dataset.yaml}'s
   * {@code scorers}, empty when they were broken: then an item that leans on them is left out without blame.
   */
  static Optional<Item> read(JsonLine line, LineSpot spot, Optional<ScorerDefaults> defaults) {
    int before = spot.problemCount();
    Optional<JsonFields> found = JsonFields.of(line.root(), "", spot);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    JsonFields item = found.get();
    item.allowOnly(KEYS);
    Optional<String> id = item.text("id", true);
    Optional<String> input = item.text("input", true);
    List<String> tags = texts(item, "tags");
    Optional<Expectation> expected = expected(item, defaults);
    List<Fixture> fixtures = fixtures(item);
    Optional<List<ScriptStep>> script = ScriptReader.read(item);
    if (spot.problemCount() > before || expected.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Item(
            id.get(), input.get(), expected.get(), fixtures, script.get(), tags, line.number()));
  }

  /**
   * The item's expectation with {@code scorers.always} folded in: its own {@code expected} object, a bare value read
   * as {@code scorers.default_kind}, or, without {@code expected}, {@code scorers.always} alone.
   */
  private static Optional<Expectation> expected(
      JsonFields item, Optional<ScorerDefaults> defaults) {
    JsonNode value = item.node().get("expected");
    if (defaults.isEmpty() && (value == null || !value.isObject())) {
      return Optional.empty();
    }
    ScorerDefaults scorers = defaults.orElse(ScorerDefaults.NONE);
    if (value == null && scorers.alone().isPresent()) {
      return scorers.alone();
    }
    if (value != null && !value.isObject() && scorers.defaultKind().isPresent()) {
      ObjectNode bare =
          JsonNodeFactory.instance.objectNode().set(scorers.defaultKind().get(), value);
      return JsonFields.of(bare, item.child("expected"), item.spot())
          .flatMap(ExpectationReader::read)
          .map(scorers::applyTo);
    }
    if (value != null && !value.isObject()) {
      item.spot()
          .report(
              item.child("expected"),
              "must be an object naming its kind, such as {\"contains\": [...]}, "
                  + "but was "
                  + Describe.json(value)
                  + " (set scorers.default_kind in dataset.yaml to read bare values "
                  + "as one kind)");
      return Optional.empty();
    }
    return item.object("expected", true).flatMap(ExpectationReader::read).map(scorers::applyTo);
  }

  private static List<String> texts(JsonFields item, String key) {
    List<String> texts = new ArrayList<>();
    List<JsonNode> nodes = item.list(key, false, 0).orElse(List.of());
    for (int i = 0; i < nodes.size(); i++) {
      if (nodes.get(i).isTextual() && !nodes.get(i).asText().isBlank()) {
        texts.add(nodes.get(i).asText());
      } else {
        item.spot()
            .report(
                key + "[" + i + "]",
                "must be a non-blank string, but was " + Describe.json(nodes.get(i)));
      }
    }
    return texts;
  }

  private static List<Fixture> fixtures(JsonFields item) {
    List<Fixture> fixtures = new ArrayList<>();
    List<JsonNode> nodes = item.list("fixtures", false, 0).orElse(List.of());
    for (int i = 0; i < nodes.size(); i++) {
      JsonFields.of(nodes.get(i), "fixtures[" + i + "]", item.spot())
          .flatMap(ItemReader::fixture)
          .ifPresent(fixtures::add);
    }
    return fixtures;
  }

  private static Optional<Fixture> fixture(JsonFields fixture) {
    fixture.allowOnly(FIXTURE_KEYS);
    Optional<String> tool = fixture.text("tool", true);
    Optional<JsonFields> arguments = fixture.object("arguments", true);
    Optional<JsonNode> response = fixture.value("response", true);
    int status =
        fixture
            .value("status", false)
            .map(
                value -> {
                  if (value.canConvertToInt()
                      && value.isIntegralNumber()
                      && value.asInt() >= 100
                      && value.asInt() <= 599) {
                    return value.asInt();
                  }
                  fixture
                      .spot()
                      .report(
                          fixture.child("status"),
                          "must be an HTTP status in [100, 599], but was " + Describe.json(value));
                  return 0;
                })
            .orElse(200);
    if (tool.isEmpty() || arguments.isEmpty() || response.isEmpty() || status == 0) {
      return Optional.empty();
    }
    return Optional.of(new Fixture(tool.get(), arguments.get().node(), status, response.get()));
  }
}
