package dev.gauntlet.dataset;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Typed reads of the values inside an {@code expected} object, each reporting what it expected. */
final class ExpectedValues {

  private ExpectedValues() {}

  /** A finite number in [{@code min}, {@code max}]; {@code range} spells the interval in messages. */
  static Optional<Double> number(
      JsonFields fields, String key, boolean required, double min, double max, String range) {
    return fields
        .value(key, required)
        .flatMap(
            value -> {
              if (value.isNumber()
                  && Double.isFinite(value.doubleValue())
                  && value.doubleValue() >= min
                  && value.doubleValue() <= max) {
                return Optional.of(value.doubleValue());
              }
              fields
                  .spot()
                  .report(
                      fields.child(key),
                      "must be a number " + range + ", but was " + Describe.json(value));
              return Optional.empty();
            });
  }

  static Optional<Boolean> bool(JsonFields fields, String key) {
    return fields
        .value(key, false)
        .flatMap(
            value -> {
              if (value.isBoolean()) {
                return Optional.of(value.asBoolean());
              }
              fields
                  .spot()
                  .report(
                      fields.child(key), "must be true or false, but was " + Describe.json(value));
              return Optional.empty();
            });
  }

  /** Non-blank strings of the array at {@code key}; empty after reporting any that is not. */
  static Optional<List<String>> texts(
      JsonFields fields, String key, boolean required, int minSize) {
    return fields
        .list(key, required, minSize)
        .flatMap(nodes -> texts(nodes, fields.child(key), fields.spot()));
  }

  static Optional<List<String>> texts(List<JsonNode> nodes, String path, LineSpot spot) {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      JsonNode value = nodes.get(i);
      if (value.isTextual() && !value.asText().isBlank()) {
        texts.add(value.asText());
      } else {
        spot.report(
            path + "[" + i + "]", "must be a non-blank string, but was " + Describe.json(value));
      }
    }
    return texts.size() == nodes.size() ? Optional.of(texts) : Optional.empty();
  }

  /**
   * Where a field is: {@code pointer} (a JSON pointer) or {@code path} (a simple JSON path, see {@link JsonPaths}),
   * as a JSON pointer. Empty without either, or after reporting what is wrong.
   */
  static Optional<String> pointer(JsonFields fields, boolean required) {
    if (fields.has("pointer") && fields.has("path")) {
      fields.spot().report(fields.path(), "must have one of pointer, path, but had both");
      return Optional.empty();
    }
    if (!fields.has("pointer") && !fields.has("path")) {
      if (required) {
        fields
            .spot()
            .report(fields.child("pointer"), "must be present (or path instead), but was missing");
      }
      return Optional.empty();
    }
    return fields.has("path") ? path(fields) : jsonPointer(fields);
  }

  private static Optional<String> jsonPointer(JsonFields fields) {
    JsonNode value = fields.node().get("pointer");
    if (value.isTextual() && value.asText().startsWith("/")) {
      try {
        JsonPointer.compile(value.asText());
        return Optional.of(value.asText());
      } catch (IllegalArgumentException e) {
        // falls through to the report: a ~ not followed by 0 or 1
      }
    }
    fields
        .spot()
        .report(
            fields.child("pointer"),
            "must be a JSON pointer starting with /, such as /order/status, "
                + "but was "
                + Describe.json(value));
    return Optional.empty();
  }

  private static Optional<String> path(JsonFields fields) {
    JsonNode value = fields.node().get("path");
    try {
      if (value.isTextual()) {
        return Optional.of(JsonPaths.toPointer(value.asText()));
      }
      fields
          .spot()
          .report(
              fields.child("path"),
              "must be a JSON path such as $.order.items[0].sku, but was " + Describe.json(value));
    } catch (IllegalArgumentException e) {
      fields
          .spot()
          .report(
              fields.child("path"),
              "must be a JSON path such as $.order.items[0].sku, but was "
                  + Describe.json(value)
                  + ": "
                  + e.getMessage());
    }
    return Optional.empty();
  }
}
