package dev.gauntlet.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A composed YAML node read as the JSON tree it stands for ({@link YamlJson}), remembering where each key and value
 * starts, so that the readers of {@code items.jsonl} values can read a value of {@code dataset.yaml} and point at
 * the exact spot of a problem in it.
 */
final class YamlTree implements Positions {

  private final Map<String, Mark> marks = new HashMap<>();
  private final JsonNode root;

  YamlTree(Node node) {
    this.root = read(node, "");
  }

  JsonNode root() {
    return root;
  }

  @Override
  public int line(String path) {
    return marks.get(Positions.nearest(path, marks::containsKey)).getLine() + 1;
  }

  @Override
  public int column(String path) {
    return marks.get(Positions.nearest(path, marks::containsKey)).getColumn() + 1;
  }

  private JsonNode read(Node node, String path) {
    marks.putIfAbsent(path, node.getStartMark());
    if (node instanceof MappingNode mapping) {
      ObjectNode object = JsonNodeFactory.instance.objectNode();
      for (NodeTuple tuple : mapping.getValue()) {
        String key =
            tuple.getKeyNode() instanceof ScalarNode scalar
                ? scalar.getValue()
                : YamlSpot.describe(tuple.getKeyNode());
        String child = path.isEmpty() ? key : path + "." + key;
        // As in items.jsonl, a problem with a key's value is shown at the key.
        marks.put(child, tuple.getKeyNode().getStartMark());
        object.set(key, read(tuple.getValueNode(), child));
      }
      return object;
    }
    if (node instanceof SequenceNode sequence) {
      ArrayNode array = JsonNodeFactory.instance.arrayNode();
      for (Node element : sequence.getValue()) {
        array.add(read(element, path + "[" + array.size() + "]"));
      }
      return array;
    }
    return YamlJson.scalar((ScalarNode) node);
  }
}
