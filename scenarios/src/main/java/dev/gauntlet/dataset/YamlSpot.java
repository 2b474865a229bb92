package dev.gauntlet.dataset;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Reports problems of a YAML file at the position of a node. */
final class YamlSpot {

  private final SourceFile file;
  private final Problems problems;

  YamlSpot(SourceFile file, Problems problems) {
    this.file = file;
    this.problems = problems;
  }

  void report(Node at, String path, String message) {
    problems.add(
        file, at.getStartMark().getLine() + 1, at.getStartMark().getColumn() + 1, path, message);
  }

  static String describe(Node node) {
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    ScalarNode scalar = (ScalarNode) node;
    if (scalar.getTag().equals(Tag.NULL)) {
      return "empty";
    }
    return scalar.getTag().equals(Tag.STR) ? Describe.quoted(scalar.getValue()) : scalar.getValue();
  }

  static boolean isNull(Node node) {
    return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
  }
}
