package dev.gauntlet.engine;

import dev.gauntlet.dataset.Dataset;
import dev.gauntlet.dataset.DatasetLoader;
import dev.gauntlet.engine.internal.Home;
import dev.gauntlet.scenario.InvalidInputException;
import dev.gauntlet.scenario.Problem;
import dev.gauntlet.scenario.Scenario;
import dev.gauntlet.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A scenario and its dataset, loaded and validated together: everything a run reads before it starts anything.
 * Immutable and thread-safe.
 *
 * @param scenario     the validated scenario, overrides applied
 * @param dataset      the golden dataset it names
 * @param resolvedYaml the scenario as it will run, for the run directory
 */
public record RunInputs(Scenario scenario, Dataset dataset, String resolvedYaml) {

  /**
   * Loads {@code file} with {@code overrides} ({@code target.mode=naive}, as {@code --set} takes them); throws
   * {@link InvalidInputException} listing every problem, each with its file and line.
   */
  public static RunInputs load(Path file, List<String> overrides) {
    Scenario scenario = ScenarioLoader.load(file, overrides);
    Dataset dataset = DatasetLoader.load(datasetDir(file, scenario.dataset()));
    return new RunInputs(scenario, dataset, ScenarioLoader.resolvedYaml(file, overrides));
  }

  /** The directory of the dataset a scenario names: a name under {@code golden-datasets/}, or a path. */
  public static Path datasetDir(Path scenarioFile, String dataset) {
    Path root = Home.path().resolve("golden-datasets");
    Path named = root.resolve(dataset);
    if (Files.isDirectory(named)) {
      return named;
    }
    Path relative = scenarioFile.toAbsolutePath().getParent().resolve(dataset);
    if (Files.isDirectory(relative)) {
      return relative;
    }
    throw new InvalidInputException(
        List.of(
            new Problem(
                scenarioFile.toString(),
                0,
                0,
                "dataset",
                "must name a dataset in "
                    + root
                    + " "
                    + available(root)
                    + " or a directory, but was '"
                    + dataset
                    + "'")));
  }

  private static List<String> available(Path root) {
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs.filter(d -> Files.exists(d.resolve("dataset.yaml")))
          .map(d -> d.getFileName().toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
