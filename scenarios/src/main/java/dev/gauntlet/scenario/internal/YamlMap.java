package dev.gauntlet.scenario.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML mapping read key by key. Every read records a problem (located at the offending node) instead of throwing,
 * so a whole document is checked in one pass; {@link #rejectUnknown()} then reports every key nobody read.
 * Not thread-safe.
 */
public final class YamlMap {

  private final Node node;
  private final String path;
  private final Problems problems;
  private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
  private final Set<String> known = new TreeSet<>();

  private YamlMap(Node node, String path, Problems problems) {
    this.node = node;
    this.path = path;
    this.problems = problems;
    if (node instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        String key =
            tuple.getKeyNode() instanceof ScalarNode s
                ? s.getValue()
                : String.valueOf(tuple.getKeyNode());
        if (entries.putIfAbsent(key, tuple) != null) {
          problems.add(tuple.getKeyNode(), child(key), "must appear once, but appears again here");
        }
      }
    }
  }

  /** Reads {@code node} as a mapping; a node of another shape is reported and reads as empty. */
  public static YamlMap of(Node node, String path, Problems problems) {
    if (node != null && !(node instanceof MappingNode)) {
      problems.add(node, path, "must be a mapping of keys to values, but was " + describe(node));
    }
    return new YamlMap(node instanceof MappingNode ? node : null, path, problems);
  }

  public String path() {
    return path;
  }

  public Node node() {
    return node;
  }

  public Problems problems() {
    return problems;
  }

  /** The path of a key under this mapping, such as {@code workload.profile}. */
  public String child(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  public boolean has(String key) {
    known.add(key);
    return entries.containsKey(key);
  }

  /** The value node of {@code key}, or null; a missing required key is reported. */
  public Node value(String key, boolean required) {
    known.add(key);
    NodeTuple tuple = entries.get(key);
    if (tuple == null && required) {
      problems.add(node, child(key), "is required, but is missing");
    }
    return tuple == null ? null : tuple.getValueNode();
  }

  /** A scalar's text, or null when missing or not a scalar (reported). */
  public String string(String key, boolean required) {
    Node value = value(key, required);
    if (value == null) {
      return null;
    }
    if (!(value instanceof ScalarNode scalar)) {
      problems.add(value, child(key), "must be a single value, but was " + describe(value));
      return null;
    }
    if (scalar.getValue().isBlank() && required) {
      problems.add(value, child(key), "must not be blank, but was empty");
      return null;
    }
    return scalar.getValue();
  }

  /** One of {@code allowed} (case-insensitive, returned lower case), or null (reported). */
  public String oneOf(String key, boolean required, List<String> allowed) {
    String text = string(key, required);
    if (text == null) {
      return null;
    }
    String lower = text.trim().toLowerCase(java.util.Locale.ROOT);
    if (!allowed.contains(lower)) {
      problems.add(
          value(key, false), child(key), "must be one of " + allowed + ", but was '" + text + "'");
      return null;
    }
    return lower;
  }

  /** An integer within [min, max], or null (reported). */
  public Long integer(String key, boolean required, long min, long max) {
    String text = string(key, required);
    if (text == null) {
      return null;
    }
    try {
      long v = Long.parseLong(text.trim());
      if (v < min || v > max) {
        problems.add(
            value(key, false),
            child(key),
            "must be an integer in [" + min + ", " + max + "], but was " + v);
        return null;
      }
      return v;
    } catch (NumberFormatException e) {
      problems.add(value(key, false), child(key), "must be an integer, but was '" + text + "'");
      return null;
    }
  }

  /** A number within [min, max], or null (reported). */
  public Double number(String key, boolean required, double min, double max) {
    String text = string(key, required);
    if (text == null) {
      return null;
    }
    Double v = parseNumber(text);
    if (v == null || !Double.isFinite(v) || v < min || v > max) {
      problems.add(
          value(key, false),
          child(key),
          "must be a number in [" + fmt(min) + ", " + fmt(max) + "], but was " + text.trim());
      return null;
    }
    return v;
  }

  /** A positive duration such as {@code 30s}, or null (reported). */
  public Duration duration(String key, boolean required) {
    String text = string(key, required);
    if (text == null) {
      return null;
    }
    Duration d = Values.duration(text);
    if (d == null) {
      problems.add(
          value(key, false),
          child(key),
          "must be a duration such as 500ms, 30s, 2m or 1h, but was '" + text + "'");
    }
    return d;
  }

  /** A memory size such as {@code 180MB} or {@code 80GiB}, in MiB, or null (reported). */
  public Double mebibytes(String key, boolean required) {
    String text = string(key, required);
    if (text == null) {
      return null;
    }
    Double mib = Values.mebibytes(text);
    if (mib == null || mib <= 0) {
      problems.add(
          value(key, false),
          child(key),
          "must be a positive size such as 180MB, 512MiB, 80GB or 80GiB, but was '" + text + "'");
      return null;
    }
    return mib;
  }

  /** A nested mapping, or null when missing (a missing required one is reported). */
  public YamlMap map(String key, boolean required) {
    Node value = value(key, required);
    return value == null ? null : YamlMap.of(value, child(key), problems);
  }

  /** A sequence's items, or null when missing or not a sequence (reported). */
  public List<Node> list(String key, boolean required) {
    Node value = value(key, required);
    if (value == null) {
      return null;
    }
    if (!(value instanceof SequenceNode seq)) {
      problems.add(value, child(key), "must be a list, but was " + describe(value));
      return null;
    }
    return seq.getValue();
  }

  /** The keys present, in document order. */
  public Set<String> keys() {
    return entries.keySet();
  }

  /** Reports every key that no read asked for. */
  public void rejectUnknown() {
    for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
      if (!known.contains(e.getKey())) {
        problems.add(
            e.getValue().getKeyNode(),
            child(e.getKey()),
            "is not a known key; expected one of " + known);
      }
    }
  }

  static Double parseNumber(String text) {
    String t = text.trim();
    try {
      return t.endsWith("%")
          ? Double.parseDouble(t.substring(0, t.length() - 1).trim()) / 100.0
          : Double.parseDouble(t);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static String describe(Node node) {
    if (node instanceof ScalarNode s) {
      return "'" + s.getValue() + "'";
    }
    return node instanceof SequenceNode ? "a list" : "a mapping";
  }

  private static String fmt(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
  }
}
