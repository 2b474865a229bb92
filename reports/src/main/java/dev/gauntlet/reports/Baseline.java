package dev.gauntlet.reports;

import dev.gauntlet.run.RunDirectory;
import java.util.List;

/**
 * What a run is compared with: one or more runs of the same scenario on the baseline build, pooled for the tests,
 * whose spread (with two or more) sets the noise floor, and optionally a recorded {@link NoiseProfile} that sets it
 * too. Immutable and thread-safe.
 *
 * @param runs    the baseline runs, at least one
 * @param profile a recorded noise profile, or null
 */
public record Baseline(List<RunDirectory> runs, NoiseProfile profile) {

  public Baseline {
    if (runs == null || runs.isEmpty()) {
      throw new IllegalArgumentException("runs must hold at least one baseline run, but was empty");
    }
    runs = List.copyOf(runs);
  }

  /** A baseline of {@code runs} without a recorded profile. */
  public static Baseline of(RunDirectory... runs) {
    return new Baseline(List.of(runs), null);
  }
}
