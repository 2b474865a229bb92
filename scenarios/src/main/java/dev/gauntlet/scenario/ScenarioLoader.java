package dev.gauntlet.scenario;

import dev.gauntlet.scenario.internal.Overrides;
import dev.gauntlet.scenario.internal.Problems;
import dev.gauntlet.scenario.internal.ScenarioBinder;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a scenario file, applies {@code --set} overrides and validates the result, reporting every problem at once
 * with file, line and column. Stateless and thread-safe.
 */
public final class ScenarioLoader {

  private ScenarioLoader() {}

  /** Loads {@code file} with no overrides. */
  public static Scenario load(Path file) {
    return load(file, List.of());
  }

  /**
   * Loads {@code file}, applying {@code overrides} ({@code path=value}) first.
   *
   * @throws InvalidInputException listing every problem when the file or an override is invalid
   */
  public static Scenario load(Path file, List<String> overrides) {
    Problems problems = new Problems(file.toString());
    Node root = parse(file, problems);
    if (root instanceof MappingNode mapping) {
      Overrides.apply(mapping, overrides, problems);
    }
    Scenario scenario = root == null ? null : ScenarioBinder.bind(root, file, problems);
    problems.throwIfAny();
    return scenario;
  }

  /**
   * The scenario as it will run: the file's YAML with {@code overrides} applied, for the run directory's copy.
   * Call it after {@link #load(Path, List)} succeeded.
   */
  public static String resolvedYaml(Path file, List<String> overrides) {
    Problems problems = new Problems(file.toString());
    Node root = parse(file, problems);
    if (root instanceof MappingNode mapping) {
      Overrides.apply(mapping, overrides, problems);
    }
    problems.throwIfAny();
    StringWriter out = new StringWriter();
    out.write(
        "# "
            + file
            + (overrides.isEmpty() ? "" : " with --set " + String.join(" --set ", overrides))
            + "\n");
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    new Yaml(options).serialize(root, out);
    return out.toString();
  }

  private static Node parse(Path file, Problems problems) {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(true);
      Node root = new Yaml(options).compose(in);
      if (root == null) {
        problems.add(
            new Problem(
                file.toString(),
                1,
                1,
                "",
                "must be a YAML mapping with name, target, dataset, "
                    + "workload and slos, but the file is empty"));
      }
      return root;
    } catch (NoSuchFileException e) {
      problems.add(
          new Problem(
              file.toString(),
              0,
              0,
              "",
              "must be an existing scenario file, but it does not exist"));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark();
      problems.add(
          new Problem(
              file.toString(),
              mark == null ? 0 : mark.getLine() + 1,
              mark == null ? 0 : mark.getColumn() + 1,
              "",
              "must be valid YAML, but " + e.getProblem()));
    } catch (IOException e) {
      problems.add(
          new Problem(file.toString(), 0, 0, "", "must be readable, but " + e.getMessage()));
    }
    return null;
  }
}
