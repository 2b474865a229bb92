package dev.gauntlet.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** A JSON object of an item being read: typed access to its keys, reporting every missing, unknown or mistyped key. */
final class JsonFields {

  private final JsonNode node;
  private final String path;
  private final LineSpot spot;

  private JsonFields(JsonNode node, String path, LineSpot spot) {
    this.node = node;
    this.path = path;
    this.spot = spot;
  }

  /** The object at {@code path}, or empty after reporting that the value there is something else. */
  static Optional<JsonFields> of(JsonNode node, String path, LineSpot spot) {
    if (node.isObject()) {
      return Optional.of(new JsonFields(node, path, spot));
    }
    spot.report(path, "must be an object, but was " + Describe.json(node));
    return Optional.empty();
  }

  void allowOnly(List<String> allowed) {
    for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (!allowed.contains(key)) {
        spot.report(
            child(key),
            "keys must be one of "
                + String.join(", ", allowed)
                + ", but was "
                + Describe.quoted(key)
                + Describe.suggestion(key, allowed));
      }
    }
  }

  boolean has(String key) {
    return node.has(key);
  }

  Optional<JsonNode> value(String key, boolean required) {
    if (!node.has(key) && required) {
      spot.report(child(key), "must be present, but was missing");
    }
    return Optional.ofNullable(node.get(key));
  }

  Optional<String> text(String key, boolean required) {
    return value(key, required)
        .flatMap(
            value -> {
              if (value.isTextual() && !value.asText().isBlank()) {
                return Optional.of(value.asText());
              }
              spot.report(
                  child(key), "must be a non-blank string, but was " + Describe.json(value));
              return Optional.empty();
            });
  }

  Optional<JsonFields> object(String key, boolean required) {
    return value(key, required).flatMap(value -> of(value, child(key), spot));
  }

  /** The elements of a list, with their paths; a list shorter than {@code minSize} is reported. */
  Optional<List<JsonNode>> list(String key, boolean required, int minSize) {
    return value(key, required)
        .flatMap(
            value -> {
              if (value instanceof ArrayNode array && array.size() >= minSize) {
                List<JsonNode> elements = new ArrayList<>();
                array.forEach(elements::add);
                return Optional.of(elements);
              }
              String wanted = minSize > 0 ? "a non-empty array" : "an array";
              String was = value.isArray() ? "empty" : Describe.json(value);
              spot.report(child(key), "must be " + wanted + ", but was " + was);
              return Optional.empty();
            });
  }

  JsonNode node() {
    return node;
  }

  String path() {
    return path;
  }

  LineSpot spot() {
    return spot;
  }

  String child(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
