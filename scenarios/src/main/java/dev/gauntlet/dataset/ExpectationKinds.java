package dev.gauntlet.dataset;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.regex.Pattern;

/** The built-in kinds of {@code expected}, and those declared through {@link ExpectationKind}. Thread-safe. */
final class ExpectationKinds {

  /** In the order messages list them. */
  static final List<String> BUILT_IN =
      List.of(
          "contains",
          "exact",
          "regex",
          "json_field",
          "json_schema",
          "numeric",
          "trajectory",
          "refusal",
          "llm_judge",
          "all_of",
          "weighted");

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  private ExpectationKinds() {}

  /** The declared kinds by name, discovered once. */
  static Map<String, ExpectationKind> custom() {
    return Discovered.KINDS;
  }

  /** Built-in names, then declared ones. */
  static List<String> names() {
    List<String> names = new ArrayList<>(BUILT_IN);
    names.addAll(custom().keySet());
    return names;
  }

  /** Checks what each declared kind says about itself, so that a broken plug-in fails at once and says why. */
  static Map<String, ExpectationKind> validated(Iterable<ExpectationKind> found) {
    Map<String, ExpectationKind> kinds = new LinkedHashMap<>();
    for (ExpectationKind kind : found) {
      String name = kind.name();
      String source = kind.getClass().getName();
      if (name == null || !NAME.matcher(name).matches()) {
        throw new IllegalStateException(
            "ExpectationKind "
                + source
                + ": name must be lower-case letters, digits "
                + "and _, starting with a letter, but was "
                + name);
      }
      if (BUILT_IN.contains(name)) {
        throw new IllegalStateException(
            "ExpectationKind "
                + source
                + ": name must not be a built-in kind ("
                + String.join(", ", BUILT_IN)
                + "), but was "
                + name);
      }
      ExpectationKind earlier = kinds.putIfAbsent(name, kind);
      if (earlier != null) {
        throw new IllegalStateException(
            "ExpectationKind "
                + source
                + ": name must be unique, but "
                + name
                + " is also declared by "
                + earlier.getClass().getName());
      }
    }
    return Collections.unmodifiableMap(kinds);
  }

  /** Lazy holder: discovery runs on first use, once. */
  private static final class Discovered {
    static final Map<String, ExpectationKind> KINDS =
        validated(ServiceLoader.load(ExpectationKind.class));
  }
}
