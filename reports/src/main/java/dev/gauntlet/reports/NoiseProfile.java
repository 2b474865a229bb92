package dev.gauntlet.reports;

import dev.gauntlet.run.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The run-to-run spread of each metric, measured once over repeated runs of one scenario on one build
 * ({@code gauntlet diff --noise RUN… --save FILE}) and kept in a file, so that later diffs against a single baseline
 * run can use it as their noise floor ({@code --noise-profile FILE}). Immutable and thread-safe.
 *
 * @param spreads one spread per metric that at least one run measured
 */
public record NoiseProfile(List<RunNoise.Spread> spreads) {

  public NoiseProfile {
    spreads = spreads == null ? List.of() : List.copyOf(spreads);
  }

  /** The spread of {@code metric}, or null when the profile has none. */
  public RunNoise.Spread spread(String metric) {
    return spreads.stream().filter(s -> s.metric().equals(metric)).findFirst().orElse(null);
  }

  /** Writes the profile as JSON to {@code file}. */
  public void write(Path file) {
    try {
      Files.writeString(
          file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(this) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the noise profile " + file, e);
    }
  }

  /** Reads a profile {@link #write} wrote; throws {@link IllegalArgumentException} when it is not one. */
  public static NoiseProfile read(Path file) {
    try {
      NoiseProfile profile = Json.mapper().readValue(file.toFile(), NoiseProfile.class);
      if (profile.spreads().isEmpty()) {
        throw new IllegalArgumentException(
            file
                + " must be a noise profile (gauntlet diff --noise RUN… --save "
                + "FILE), but has no spreads");
      }
      return profile;
    } catch (IOException e) {
      throw new IllegalArgumentException(
          file
              + " must be a noise profile (gauntlet diff --noise RUN… --save FILE), "
              + "but could not be read: "
              + e.getMessage(),
          e);
    }
  }
}
