package dev.gauntlet.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium for tests: loads a local file with networking off and returns the DOM after its scripts ran, or
 * a screenshot. Where no Chromium is installed the calling test is skipped with the reason, unless {@code CI} is
 * set, where it fails: CI installs it (.ci/run), so its absence there is a broken build, not a skip.
 */
final class Chromium {

  private static final List<String> NAMES =
      List.of("chromium", "chromium-browser", "google-chrome");
  private static final List<String> FLAGS =
      List.of(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--no-first-run",
          "--disable-background-networking",
          "--hide-scrollbars",
          "--virtual-time-budget=10000");

  private final Path binary;

  private Chromium(Path binary) {
    this.binary = binary;
  }

  /** The installed Chromium; skips (or, with {@code CI} set, fails) the test when there is none. */
  static Chromium require() {
    Optional<Path> found = find();
    String why =
        "headless Chromium is not installed (tried $CHROMIUM, "
            + String.join(", ", NAMES)
            + " on PATH); install it with `apt-get install chromium` to check report.html";
    if (found.isEmpty() && System.getenv("CI") != null) {
      Assertions.fail(why + ". CI is set, so this is a failure: .ci/run must install it.");
    }
    Assumptions.assumeTrue(found.isPresent(), why);
    return new Chromium(found.get());
  }

  /** The DOM of {@code page} once its scripts ran, as HTML. */
  String dumpDom(Path page) throws IOException, InterruptedException {
    return run(List.of("--dump-dom", page.toUri().toString()));
  }

  /** Saves a screenshot of {@code page}, {@code width} × {@code height} CSS pixels, to {@code png}. */
  void screenshot(Path page, Path png, int width, int height)
      throws IOException, InterruptedException {
    Files.createDirectories(png.toAbsolutePath().getParent());
    run(
        List.of(
            "--window-size=" + width + "," + height,
            "--screenshot=" + png.toAbsolutePath(),
            page.toUri().toString()));
    Assertions.assertTrue(Files.size(png) > 0, "Chromium wrote an empty screenshot " + png);
  }

  private String run(List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.addAll(FLAGS);
    command.add("--user-data-dir=" + Files.createTempDirectory("gauntlet-chromium"));
    command.addAll(args);
    Path stdout = Files.createTempFile("gauntlet-chromium", ".out");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(stdout.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      Assertions.fail("headless Chromium did not finish within 90 s: " + command);
    }
    Assertions.assertEquals(
        0, process.exitValue(), "headless Chromium exited with an error: " + command);
    return Files.readString(stdout, StandardCharsets.UTF_8);
  }

  private static Optional<Path> find() {
    String configured = System.getenv("CHROMIUM");
    if (configured != null && Files.isExecutable(Path.of(configured))) {
      return Optional.of(Path.of(configured));
    }
    String path = System.getenv().getOrDefault("PATH", "");
    for (String name : NAMES) {
      for (String dir : path.split(java.io.File.pathSeparator)) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }
}
