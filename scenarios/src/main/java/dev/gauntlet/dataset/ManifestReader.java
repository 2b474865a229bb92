package dev.gauntlet.dataset;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads and validates {@code dataset.yaml}: the dataset's identity, its tool catalog, its price hints and how items
 * are scored when they do not say ({@code scorers}).
 */
final class ManifestReader {

  private static final List<String> KEYS =
      List.of("name", "version", "owner", "description", "tools", "prices", "scorers");
  private static final List<String> PRICE_KEYS = List.of("input_per_million", "output_per_million");

  private final SourceFile file;
  private final Problems problems;
  private final YamlSpot spot;

  ManifestReader(SourceFile file, Problems problems) {
    this.file = file;
    this.problems = problems;
    this.spot = new YamlSpot(file, problems);
  }

  /** The manifest, or empty when the file is missing or is not a YAML mapping (the problem is reported). */
  Optional<Manifest> read(String directoryName) {
    return compose()
        .flatMap(root -> YamlMapping.of(root, "", spot))
        .map(root -> read(root, directoryName));
  }

  private Manifest read(YamlMapping root, String directoryName) {
    root.allowOnly(KEYS);
    Optional<String> name = root.text("name", true);
    name.filter(n -> !n.equals(directoryName))
        .ifPresent(
            n ->
                spot.report(
                    root.entries().get("name"),
                    "name",
                    "must be the dataset's directory name "
                        + Describe.quoted(directoryName)
                        + ", but was "
                        + Describe.quoted(n)));
    Optional<String> version = root.text("version", true);
    Optional<String> owner = root.text("owner", true);
    Optional<String> description = root.text("description", true);
    int before = problems.count();
    List<ToolDef> tools =
        root.list("tools", true).map(nodes -> new ToolsReader(spot).read(nodes)).orElse(List.of());
    boolean catalogValid = problems.count() == before && root.entries().containsKey("tools");
    Map<String, PriceHint> prices =
        root.mapping("prices", false).map(this::prices).orElse(Map.of());
    Optional<Map<String, ToolDef>> catalog =
        catalogValid ? Optional.of(ToolsReader.byName(tools)) : Optional.empty();
    Optional<ScorerDefaults> defaults =
        root.entries().containsKey("scorers")
            ? root.mapping("scorers", false)
                .flatMap(scorers -> new ScorersReader(file, problems, spot).read(scorers, catalog))
            : Optional.of(ScorerDefaults.NONE);
    return new Manifest(
        name.orElse(""),
        version.orElse(""),
        owner.orElse(""),
        description.orElse(""),
        tools,
        catalog,
        prices,
        defaults);
  }

  /** The price hints that are valid, by model in file order; the others are reported. */
  private Map<String, PriceHint> prices(YamlMapping prices) {
    Map<String, PriceHint> hints = new LinkedHashMap<>();
    prices
        .entries()
        .keySet()
        .forEach(
            model ->
                prices
                    .mapping(model, true)
                    .ifPresent(
                        price -> {
                          price.allowOnly(PRICE_KEYS);
                          List<Double> values =
                              PRICE_KEYS.stream()
                                  .map(
                                      key ->
                                          price
                                              .node(key, true)
                                              .flatMap(value -> price(value, price.child(key))))
                                  .flatMap(Optional::stream)
                                  .toList();
                          if (values.size() == PRICE_KEYS.size()) {
                            hints.put(model, new PriceHint(values.get(0), values.get(1)));
                          }
                        }));
    return hints;
  }

  private Optional<Double> price(Node value, String path) {
    try {
      if (value instanceof ScalarNode scalar) {
        double usd = Double.parseDouble(scalar.getValue());
        if (usd >= 0 && Double.isFinite(usd)) {
          return Optional.of(usd);
        }
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    spot.report(
        value,
        path,
        "must be a number of USD per million tokens >= 0, but was " + YamlSpot.describe(value));
    return Optional.empty();
  }

  private Optional<Node> compose() {
    if (!Files.isRegularFile(file.path())) {
      problems.add(file, 0, 0, "", "must be a readable file, but was missing");
      return Optional.empty();
    }
    try (Reader in = Files.newBufferedReader(file.path(), StandardCharsets.UTF_8)) {
      Node root = new Yaml(new LoaderOptions()).compose(in);
      if (root == null) {
        problems.add(
            file,
            1,
            1,
            "",
            "must be a YAML mapping with name, version, owner, description and tools, "
                + "but was empty");
      }
      return Optional.ofNullable(root);
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      problems.add(
          file,
          mark == null ? 0 : mark.getLine() + 1,
          mark == null ? 0 : mark.getColumn() + 1,
          "",
          "must be valid YAML, but was not: " + e.getProblem());
    } catch (IOException | RuntimeException e) {
      problems.add(
          file, 0, 0, "", "must be a readable YAML file, but reading failed: " + e.getMessage());
    }
    return Optional.empty();
  }
}
