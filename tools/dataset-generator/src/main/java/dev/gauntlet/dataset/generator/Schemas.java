package dev.gauntlet.dataset.generator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON-schema pieces the tool catalogs are built from, in a fixed key order. Stateless. */
final class Schemas {

  private Schemas() {}

  /** A closed object schema of {@code properties}, with {@code required} ones. */
  static ObjectNode schema(ObjectNode properties, String... required) {
    return Obj.of(
        "type",
        "object",
        "properties",
        properties,
        "required",
        array(required),
        "additionalProperties",
        false);
  }

  static ObjectNode text(String description) {
    return Obj.of("type", "string", "description", description);
  }

  static ObjectNode integer(String description) {
    return Obj.of("type", "integer", "description", description);
  }

  static ObjectNode oneOf(String description, String... values) {
    return Obj.of("type", "string", "enum", array(values), "description", description);
  }

  static ArrayNode array(String... values) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    for (String value : values) {
      array.add(value);
    }
    return array;
  }
}
