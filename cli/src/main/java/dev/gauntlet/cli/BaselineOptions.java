package dev.gauntlet.cli;

import dev.gauntlet.reports.Baseline;
import dev.gauntlet.reports.NoiseProfile;
import dev.gauntlet.run.RunDirectory;
import dev.gauntlet.scenario.InvalidInputException;
import dev.gauntlet.scenario.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --baseline RUN_DIR} (repeatable) and {@code --noise-profile FILE}, shared by {@code run}, {@code report} and
 * {@code diff}: the baseline runs a comparison pools, and a recorded noise profile. Not thread-safe (picocli fills it).
 */
final class BaselineOptions {

  @Option(
      names = "--baseline",
      paramLabel = "RUN_DIR",
      description =
          "A baseline run (repeatable): SLOs with max_drop or max_increase (and gauntlet diff) compare "
              + "with these runs pooled; two or more also set the run-to-run noise floor.")
  List<Path> dirs = new ArrayList<>();

  @Option(
      names = "--noise-profile",
      paramLabel = "FILE",
      description =
          "A noise profile written by gauntlet diff --noise RUN... --save FILE: sets the noise floor.")
  Path profile;

  /** The baseline the options name, checked; null when no {@code --baseline} was given. */
  Baseline baseline() {
    return dirs.isEmpty() ? null : baseline(dirs);
  }

  /** A baseline of {@code runs} with this profile, each checked to hold a verdict. */
  Baseline baseline(List<Path> runs) {
    return new Baseline(runs.stream().map(BaselineOptions::run).toList(), profile());
  }

  private NoiseProfile profile() {
    if (profile == null) {
      return null;
    }
    try {
      return NoiseProfile.read(profile);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          List.of(new Problem(profile.toString(), 0, 0, "--noise-profile", e.getMessage())));
    }
  }

  /** The run directory {@code dir}, checked to hold verdict.json. */
  static RunDirectory run(Path dir) {
    if (!Files.isRegularFile(dir.resolve("verdict.json"))) {
      throw new InvalidInputException(
          List.of(
              new Problem(
                  dir.toString(),
                  0,
                  0,
                  "",
                  "must be a run directory holding verdict.json, but "
                      + dir.resolve("verdict.json")
                      + " does not exist; run gauntlet report "
                      + dir
                      + " to write it")));
    }
    return new RunDirectory(dir);
  }
}
