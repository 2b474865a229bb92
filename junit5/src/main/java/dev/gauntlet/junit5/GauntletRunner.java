package dev.gauntlet.junit5;

import dev.gauntlet.engine.ExitCodes;
import dev.gauntlet.engine.Gauntlet;
import dev.gauntlet.engine.RunOptions;
import dev.gauntlet.engine.RunResult;
import dev.gauntlet.scenario.InvalidInputException;
import dev.gauntlet.scenario.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs one scenario in this JVM through the engine's {@link Gauntlet#run}, as {@code gauntlet run} does, printing
 * what it prints to standard output. When Allure collects this test run ({@code allure.results.directory} is set),
 * the run's own Allure results (one test per SLO, fault windows as steps, transcripts attached) are copied there
 * too. Thread-safe (stateless), though Gatling allows one run at a time per JVM.
 */
final class GauntletRunner {

  private GauntletRunner() {}

  static GauntletRun run(Path scenario, List<String> overrides, Path out) {
    Path file = resolve(scenario);
    empty(out);
    RunResult result;
    try {
      result =
          Gauntlet.run(
              file,
              RunOptions.defaults()
                  .out(out)
                  .set(overrides.toArray(String[]::new))
                  .console(System.out, false));
    } catch (InvalidInputException e) {
      throw new GauntletRunException(
          file
              + " could not be run: it is invalid:\n  "
              + e.problems().stream().map(Problem::toString).collect(Collectors.joining("\n  ")));
    }
    if (result.verdict() == null) {
      throw new GauntletRunException(
          file
              + " ended without a verdict (exit "
              + result.exitCode()
              + "): "
              + (result.exitCode() == ExitCodes.HARNESS_FAILED
                  ? result.failure() + "; see the output above and " + out.resolve("agent.log")
                  : "the run was interrupted"));
    }
    copyAllureResults(out);
    return GauntletRun.of(out, result.verdict());
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
      throw new UncheckedIOException(
          "could not empty the run directory " + dir + " of an earlier run", e);
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
      for (Path file :
          files
              .filter(f -> !f.getFileName().toString().equals("environment.properties"))
              .toList()) {
        Files.copy(
            file, Path.of(target).resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not copy " + results + " into " + target, e);
    }
  }
}
