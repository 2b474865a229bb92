package dev.gauntlet.junit5;

import dev.gauntlet.cli.ExitCodes;
import dev.gauntlet.cli.Gauntlet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs one scenario in this JVM through the command line's own entry point, so a test sees exactly what
 * {@code gauntlet run} would produce. When Allure collects this test run ({@code allure.results.directory} is set),
 * the run's own Allure results (one test per SLO, fault windows as steps, transcripts attached) are copied there
 * too. Thread-safe (stateless), though runs share the JVM's standard output.
 */
final class GauntletRunner {

  private GauntletRunner() {}

  static GauntletRun run(Path scenario, List<String> overrides, Path out) {
    Path file = resolve(scenario);
    empty(out);
    List<String> args = new ArrayList<>(List.of("run", file.toString(), "--out", out.toString()));
    overrides.forEach(override -> args.addAll(List.of("--set", override)));
    int exit = Gauntlet.execute(args.toArray(String[]::new));
    if (exit == ExitCodes.INVALID_INPUT || exit == ExitCodes.HARNESS_FAILED
        || !Files.exists(out.resolve("verdict.json"))) {
      throw new GauntletRunException("gauntlet " + String.join(" ", args) + " exited with " + exit + " ("
          + (exit == ExitCodes.INVALID_INPUT ? "invalid scenario, dataset or arguments; the problems are printed above"
              : "the target never became ready or the harness failed; see the output above and "
                  + out.resolve("agent.log")) + ") and wrote no verdict");
    }
    copyAllureResults(out);
    return GauntletRun.read(out, exit);
  }

  /** {@code scenario} against {@code gauntlet.home} when set and the file is there, else as given. */
  static Path resolve(Path scenario) {
    String home = System.getProperty("gauntlet.home");
    if (home != null && !scenario.isAbsolute() && Files.exists(Path.of(home).resolve(scenario))) {
      return Path.of(home).resolve(scenario).normalize();
    }
    return scenario;
  }

  private static void empty(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> tree = Files.walk(dir)) {
      for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not empty the run directory " + dir + " of an earlier run", e);
    }
  }

  private static void copyAllureResults(Path run) {
    String target = System.getProperty("allure.results.directory");
    Path results = run.resolve("allure-results");
    if (target == null || !Files.isDirectory(results)) {
      return;
    }
    try (Stream<Path> files = Files.list(results)) {
      Files.createDirectories(Path.of(target));
      for (Path file : files.filter(f -> !f.getFileName().toString().equals("environment.properties")).toList()) {
        Files.copy(file, Path.of(target).resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not copy " + results + " into " + target, e);
    }
  }
}
