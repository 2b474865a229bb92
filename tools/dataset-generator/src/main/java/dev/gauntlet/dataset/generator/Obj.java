package dev.gauntlet.dataset.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds JSON objects in key order from alternating keys and values. */
final class Obj {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Obj() {}

  static ObjectNode of(Object... keysAndValues) {
    ObjectNode object = NODES.objectNode();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      object.set((String) keysAndValues[i], value(keysAndValues[i + 1]));
    }
    return object;
  }

  private static JsonNode value(Object value) {
    if (value instanceof JsonNode node) {
      return node;
    }
    if (value instanceof Integer number) {
      return NODES.numberNode(number);
    }
    if (value instanceof Boolean flag) {
      return NODES.booleanNode(flag);
    }
    return value == null ? NODES.nullNode() : NODES.textNode(value.toString());
  }
}
