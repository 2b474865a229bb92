package dev.gauntlet.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Converts a composed YAML node (such as a tool's JSON schema) into the JSON tree it stands for. */
final class YamlJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private YamlJson() {}

  static JsonNode toJson(Node node) {
    if (node instanceof MappingNode mapping) {
      ObjectNode object = NODES.objectNode();
      for (NodeTuple tuple : mapping.getValue()) {
        object.set(((ScalarNode) tuple.getKeyNode()).getValue(), toJson(tuple.getValueNode()));
      }
      return object;
    }
    if (node instanceof SequenceNode sequence) {
      ArrayNode array = NODES.arrayNode();
      sequence.getValue().forEach(element -> array.add(toJson(element)));
      return array;
    }
    return scalar((ScalarNode) node);
  }

  static JsonNode scalar(ScalarNode scalar) {
    String text = scalar.getValue();
    Tag tag = scalar.getTag();
    try {
      if (tag.equals(Tag.NULL)) {
        return NODES.nullNode();
      }
      if (tag.equals(Tag.BOOL)) {
        return NODES.booleanNode(
            text.equalsIgnoreCase("true")
                || text.equalsIgnoreCase("yes")
                || text.equalsIgnoreCase("on"));
      }
      if (tag.equals(Tag.INT)) {
        BigInteger value = new BigInteger(text.replace("_", ""));
        return value.bitLength() < 32
            ? NODES.numberNode(value.intValue())
            : value.bitLength() < 64
                ? NODES.numberNode(value.longValue())
                : NODES.numberNode(value);
      }
      if (tag.equals(Tag.FLOAT)) {
        return NODES.numberNode(Double.parseDouble(text.replace("_", "")));
      }
    } catch (NumberFormatException unusualNotation) {
      // Octal, hexadecimal, sexagesimal or infinite numbers stay text; schemas do not use them.
    }
    return NODES.textNode(text);
  }
}
