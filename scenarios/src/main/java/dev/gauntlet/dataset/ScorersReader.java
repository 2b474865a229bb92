package dev.gauntlet.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads {@code dataset.yaml}'s {@code scorers}: {@code default_kind}, the kind a bare {@code expected} value is read
 * as, and {@code always}, expectations every item must meet as well. Each expectation of {@code always} is read as
 * an item's {@code expected} is, with its problems at their line and column in the YAML file.
 */
final class ScorersReader {

  private static final List<String> KEYS = List.of("default_kind", "always");

  private final SourceFile file;
  private final Problems problems;
  private final YamlSpot spot;

  ScorersReader(SourceFile file, Problems problems, YamlSpot spot) {
    this.file = file;
    this.problems = problems;
    this.spot = spot;
  }

  /** The defaults, or empty when anything about them was reported. */
  Optional<ScorerDefaults> read(YamlMapping scorers, Optional<Map<String, ToolDef>> catalog) {
    int before = problems.count();
    scorers.allowOnly(KEYS);
    Optional<String> kind =
        scorers.text("default_kind", false).filter(name -> checkKind(name, scorers));
    List<Expectation> always = new ArrayList<>();
    List<Node> nodes = scorers.list("always", false).orElse(List.of());
    for (int i = 0; i < nodes.size(); i++) {
      expectation(nodes.get(i), scorers.child("always") + "[" + i + "]", catalog)
          .ifPresent(always::add);
    }
    return problems.count() == before
        ? Optional.of(new ScorerDefaults(kind, always))
        : Optional.empty();
  }

  private Optional<Expectation> expectation(
      Node node, String path, Optional<Map<String, ToolDef>> catalog) {
    YamlTree tree = new YamlTree(node);
    LineSpot at = new LineSpot(file, problems, tree, path);
    Optional<Expectation> expected =
        JsonFields.of(tree.root(), "", at).flatMap(ExpectationReader::read);
    expected.ifPresent(
        e -> catalog.ifPresent(tools -> ExpectationToolCheck.check(e, tools, at, "")));
    return expected;
  }

  private boolean checkKind(String name, YamlMapping scorers) {
    if (ScorerDefaults.BARE_KINDS.contains(name) || ExpectationKinds.custom().containsKey(name)) {
      return true;
    }
    List<String> allowed = new ArrayList<>(ScorerDefaults.BARE_KINDS);
    allowed.addAll(ExpectationKinds.custom().keySet());
    String why = ExpectationKinds.BUILT_IN.contains(name) ? "" : Describe.suggestion(name, allowed);
    spot.report(
        scorers.entries().get("default_kind"),
        scorers.child("default_kind"),
        "must be a kind whose value "
            + "may be bare ("
            + String.join(", ", allowed)
            + "), but was "
            + Describe.quoted(name)
            + why);
    return false;
  }
}
