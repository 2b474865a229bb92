package dev.gauntlet.junit5;

import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/** Assertions on a whole run. Not thread-safe (one assertion chain per thread, as with all of AssertJ). */
public final class RunAssert extends AbstractAssert<RunAssert, GauntletRun> {

  RunAssert(GauntletRun run) {
    super(run, RunAssert.class);
  }

  /**
   * Every SLO passed and the run completed. The failure lists each SLO that did not pass with its message and
   * miss, then the seed and the run directory.
   */
  public RunAssert meetsSlos() {
    isNotNull();
    List<SloOutcome> notPassed =
        actual.slos().stream().filter(s -> !SloOutcome.PASSED.equals(s.status())).toList();
    if (!notPassed.isEmpty() || !"completed".equals(actual.outcome())) {
      int width = notPassed.stream().mapToInt(s -> s.name().length()).max().orElse(0);
      String lines =
          notPassed.stream()
              .map(
                  s ->
                      String.format(
                          "  %-" + width + "s  %-10s  %s", s.name(), s.status(), s.describe()))
              .collect(Collectors.joining("\n"));
      failWithMessage(
          "Expecting every SLO of %s to pass, but %d of %d did not%s:%n%s%n%s",
          actual.scenario(),
          notPassed.size(),
          actual.slos().size(),
          "completed".equals(actual.outcome())
              ? ""
              : " and the run did not complete (" + actual.outcome() + ")",
          lines,
          actual.whereToLook());
    }
    return this;
  }

  /** The exit code is {@code expected} (0 passed, 2 an SLO failed, 3 unresolved). */
  public RunAssert hasExitCode(int expected) {
    isNotNull();
    if (actual.exitCode() != expected) {
      failWithMessage(
          "Expecting %s to exit with %d, but it exited with %d: %s%n%s",
          actual.scenario(), expected, actual.exitCode(), actual.reason(), actual.whereToLook());
    }
    return this;
  }

  /** Assertions on the SLO called {@code name}; fails when the run has none by that name. */
  public SloAssert slo(String name) {
    isNotNull();
    return actual
        .slo(name)
        .map(slo -> new SloAssert(slo, actual))
        .orElseThrow(
            () ->
                failure(
                    "Expecting %s to have an SLO named %s, but its SLOs are %s",
                    actual.scenario(),
                    name,
                    actual.slos().stream().map(SloOutcome::name).toList()));
  }
}
