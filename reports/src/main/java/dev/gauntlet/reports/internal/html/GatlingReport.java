package dev.gauntlet.reports.internal.html;

import dev.gauntlet.run.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds Gatling's own HTML report in a run directory. Thread-safe (stateless). */
public final class GatlingReport {

  private GatlingReport() {}

  /** {@code gatling/<simulation>/index.html} relative to the run directory, the newest if several; else null. */
  public static String link(RunDirectory run) {
    Path gatling = run.gatling();
    if (!Files.isDirectory(gatling)) {
      return null;
    }
    try (Stream<Path> dirs = Files.list(gatling)) {
      Optional<Path> index =
          dirs.map(dir -> dir.resolve("index.html"))
              .filter(Files::isRegularFile)
              .max(Comparator.comparing(Path::toString));
      return index
          .map(file -> run.root().relativize(file).toString().replace('\\', '/'))
          .orElse(null);
    } catch (IOException unreadable) {
      return null;
    }
  }
}
