package dev.gauntlet.dataset;

import dev.gauntlet.scenario.InvalidInputException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Loads a golden dataset directory ({@code dataset.yaml} and {@code items.jsonl}) and validates it completely:
 * every problem in either file is reported at once, each with its file, line, column and what was expected.
 * Stateless and thread-safe.
 *
 * <pre>{@code
 * Dataset dataset = DatasetLoader.load(Path.of("golden-datasets/customer-support"));
 * }</pre>
 */
public final class DatasetLoader {

  /** The manifest: name, version, owner, description, tool catalog, price hints, default scorers. */
  public static final String MANIFEST = "dataset.yaml";

  /** The items, one JSON object per line. */
  public static final String ITEMS = "items.jsonl";

  private DatasetLoader() {}

  /**
   * Reads the dataset in {@code datasetDir}.
   *
   * @throws InvalidInputException listing every problem found, in file order, when anything is wrong
   */
  public static Dataset load(Path datasetDir) {
    Problems problems = new Problems();
    Path absolute = datasetDir.toAbsolutePath().normalize();
    String directoryName = absolute.getFileName() == null ? "" : absolute.getFileName().toString();
    Optional<Manifest> manifest =
        new ManifestReader(SourceFile.of(datasetDir.resolve(MANIFEST)), problems)
            .read(directoryName);
    ItemChecker checker = new ItemChecker(manifest.flatMap(Manifest::catalog));
    // A manifest that could not be read at all has no scorers section to lean on, as if it had
    // none.
    Optional<ScorerDefaults> defaults =
        manifest.map(Manifest::defaults).orElse(Optional.of(ScorerDefaults.NONE));
    List<Item> items =
        new ItemsReader(SourceFile.of(datasetDir.resolve(ITEMS)), problems, checker, defaults)
            .read();
    problems.throwIfAny();
    Manifest valid = manifest.orElseThrow();
    return new Dataset(
        valid.name(),
        valid.version(),
        valid.owner(),
        valid.tools(),
        items,
        datasetDir,
        valid.prices());
  }
}
