package dev.gauntlet.scenario.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Applies {@code --set path=value} overrides to a parsed YAML tree before it is bound, so an overridden value is
 * validated exactly like one written in the file. Paths are dotted keys with list indices:
 * {@code target.mode}, {@code faults[0].probability}. Missing keys are created; missing list items are not.
 */
public final class Overrides {

  private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)((?:\\[\\d+])*)");

  private Overrides() {}

  /** Applies every override to {@code root} (a mapping), reporting malformed ones. */
  public static void apply(MappingNode root, List<String> overrides, Problems problems) {
    for (String override : overrides) {
      int eq = override.indexOf('=');
      if (eq <= 0) {
        problems.add(
            new dev.gauntlet.scenario.Problem(
                "--set " + override,
                0,
                0,
                "",
                "must be written path=value, such as target.mode=naive, but has no '='"));
        continue;
      }
      String path = override.substring(0, eq).trim();
      ScalarNode value =
          new ScalarNode(
              Tag.STR, override.substring(eq + 1), null, null, DumperOptions.ScalarStyle.PLAIN);
      problems.markOverride(value, "--set " + override);
      String error = set(root, path, value);
      if (error != null) {
        problems.add(new dev.gauntlet.scenario.Problem("--set " + override, 0, 0, path, error));
      }
    }
  }

  private static String set(MappingNode root, String path, ScalarNode value) {
    List<Object> steps = new ArrayList<>();
    for (String part : path.split("\\.")) {
      Matcher m = SEGMENT.matcher(part);
      if (!m.matches()) {
        return "must be a dotted path such as faults[0].probability, but was '" + path + "'";
      }
      steps.add(m.group(1));
      Matcher idx = Pattern.compile("\\[(\\d+)]").matcher(m.group(2));
      while (idx.find()) {
        steps.add(Integer.parseInt(idx.group(1)));
      }
    }
    Node current = root;
    for (int i = 0; i < steps.size(); i++) {
      boolean last = i == steps.size() - 1;
      Object step = steps.get(i);
      if (step instanceof String key) {
        if (!(current instanceof MappingNode mapping)) {
          return "must lead through mappings, but '" + key + "' is under a value that is not one";
        }
        current = last ? put(mapping, key, value) : child(mapping, key);
      } else {
        int index = (Integer) step;
        if (!(current instanceof SequenceNode seq) || index >= seq.getValue().size()) {
          return "must name an existing list item, but there is no item [" + index + "]";
        }
        if (last) {
          seq.getValue().set(index, value);
        }
        current = seq.getValue().get(index);
      }
    }
    return null;
  }

  private static Node child(MappingNode mapping, String key) {
    for (NodeTuple t : mapping.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode s && s.getValue().equals(key)) {
        return t.getValueNode();
      }
    }
    MappingNode created =
        new MappingNode(Tag.MAP, new ArrayList<>(), DumperOptions.FlowStyle.BLOCK);
    mapping.getValue().add(new NodeTuple(scalar(key), created));
    return created;
  }

  private static Node put(MappingNode mapping, String key, ScalarNode value) {
    List<NodeTuple> tuples = mapping.getValue();
    for (int i = 0; i < tuples.size(); i++) {
      if (tuples.get(i).getKeyNode() instanceof ScalarNode s && s.getValue().equals(key)) {
        tuples.set(i, new NodeTuple(tuples.get(i).getKeyNode(), value));
        return value;
      }
    }
    tuples.add(new NodeTuple(scalar(key), value));
    return value;
  }

  private static ScalarNode scalar(String text) {
    return new ScalarNode(Tag.STR, text, null, null, DumperOptions.ScalarStyle.PLAIN);
  }
}
