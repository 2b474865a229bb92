package dev.gauntlet.scenario.internal;

import dev.gauntlet.scenario.InvalidInputException;
import dev.gauntlet.scenario.Problem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Collects the problems of one document, locating each at a YAML node. Nodes that came from a {@code --set}
 * override are located at that override rather than in the file. Not thread-safe.
 */
public final class Problems {

  private final String file;
  private final List<Problem> found = new ArrayList<>();
  private final Map<Node, String> overridden = Collections.synchronizedMap(new IdentityHashMap<>());

  public Problems(String file) {
    this.file = file;
  }

  /** Records that {@code node} was set by the override {@code source} (such as {@code --set target.mode=naive}). */
  public void markOverride(Node node, String source) {
    overridden.put(node, source);
  }

  /** Adds a problem located at {@code node}. */
  public void add(Node node, String path, String message) {
    String source = node == null ? null : overridden.get(node);
    if (source != null) {
      found.add(new Problem(source, 0, 0, path, message));
      return;
    }
    Mark mark = node == null ? null : node.getStartMark();
    found.add(
        mark == null
            ? new Problem(file, 0, 0, path, message)
            : new Problem(file, mark.getLine() + 1, mark.getColumn() + 1, path, message));
  }

  /** Adds a problem with an explicit location. */
  public void add(Problem problem) {
    found.add(problem);
  }

  public boolean isEmpty() {
    return found.isEmpty();
  }

  /** Throws if any problem was found, with every problem sorted by line. */
  public void throwIfAny() {
    if (!found.isEmpty()) {
      List<Problem> sorted = new ArrayList<>(found);
      sorted.sort(
          (a, b) ->
              a.line() != b.line()
                  ? Integer.compare(a.line(), b.line())
                  : Integer.compare(a.column(), b.column()));
      throw new InvalidInputException(sorted);
    }
  }

  public String file() {
    return file;
  }
}
