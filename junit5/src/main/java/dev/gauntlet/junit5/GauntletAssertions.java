package dev.gauntlet.junit5;

/**
 * AssertJ entry point for runs: {@code assertThat(run).meetsSlos()},
 * {@code assertThat(run).slo("recovery_time").isBelow(Duration.ofSeconds(3))}. Failure messages name the SLO, the
 * measured value, the bound, the seed and the run directory. Thread-safe (stateless).
 */
public final class GauntletAssertions {

  private GauntletAssertions() {}

  /** Assertions on {@code run}. */
  public static RunAssert assertThat(GauntletRun run) {
    return new RunAssert(run);
  }
}
