package dev.gauntlet.dataset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** A YAML mapping being read: typed access to its keys, reporting every missing, unknown or mistyped key. */
final class YamlMapping {

  private final Node node;
  private final String path;
  private final YamlSpot spot;
  private final Map<String, Node> values = new LinkedHashMap<>();
  private final Map<String, Node> keys = new LinkedHashMap<>();

  private YamlMapping(MappingNode node, String path, YamlSpot spot) {
    this.node = node;
    this.path = path;
    this.spot = spot;
    for (NodeTuple tuple : node.getValue()) {
      String key =
          tuple.getKeyNode() instanceof ScalarNode s
              ? s.getValue()
              : YamlSpot.describe(tuple.getKeyNode());
      if (keys.containsKey(key)) {
        spot.report(
            tuple.getKeyNode(),
            child(key),
            "must appear once, but was repeated from line "
                + (keys.get(key).getStartMark().getLine() + 1));
      }
      keys.put(key, tuple.getKeyNode());
      values.put(key, tuple.getValueNode());
    }
  }

  /** The mapping at {@code node}, or empty after reporting that it is something else. */
  static Optional<YamlMapping> of(Node node, String path, YamlSpot spot) {
    if (node instanceof MappingNode mapping) {
      return Optional.of(new YamlMapping(mapping, path, spot));
    }
    spot.report(node, path, "must be a mapping, but was " + YamlSpot.describe(node));
    return Optional.empty();
  }

  void allowOnly(List<String> allowed) {
    keys.forEach(
        (key, keyNode) -> {
          if (!allowed.contains(key)) {
            spot.report(
                keyNode,
                path,
                "keys must be one of "
                    + String.join(", ", allowed)
                    + ", but was "
                    + Describe.quoted(key)
                    + Describe.suggestion(key, allowed));
          }
        });
  }

  Optional<Node> node(String key, boolean required) {
    Node value = values.get(key);
    if (value == null && required) {
      spot.report(node, child(key), "must be present, but was missing");
    }
    return Optional.ofNullable(value);
  }

  /** A non-blank scalar, taken as text whatever its YAML type ({@code version: 1.0} reads as "1.0"). */
  Optional<String> text(String key, boolean required) {
    Optional<Node> value = node(key, required);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (value.get() instanceof ScalarNode scalar
        && !YamlSpot.isNull(scalar)
        && !scalar.getValue().isBlank()) {
      return Optional.of(scalar.getValue());
    }
    spot.report(
        value.get(),
        child(key),
        "must be a non-blank text, but was " + YamlSpot.describe(value.get()));
    return Optional.empty();
  }

  Optional<List<Node>> list(String key, boolean required) {
    Optional<Node> value = node(key, required);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (value.get() instanceof SequenceNode sequence) {
      return Optional.of(new ArrayList<>(sequence.getValue()));
    }
    spot.report(
        value.get(), child(key), "must be a list, but was " + YamlSpot.describe(value.get()));
    return Optional.empty();
  }

  Optional<YamlMapping> mapping(String key, boolean required) {
    return node(key, required).flatMap(value -> of(value, child(key), spot));
  }

  Map<String, Node> entries() {
    return values;
  }

  Node keyNode(String key) {
    return keys.get(key);
  }

  Node node() {
    return node;
  }

  String child(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
