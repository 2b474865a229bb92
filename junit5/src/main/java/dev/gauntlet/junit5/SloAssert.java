package dev.gauntlet.junit5;

import java.time.Duration;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one SLO of a run, in the metric's unit (seconds for times, fractions for rates, USD for costs).
 * An SLO that could not be measured fails every bound with the reason. Not thread-safe.
 */
public final class SloAssert extends AbstractAssert<SloAssert, SloOutcome> {

  private final GauntletRun run;

  SloAssert(SloOutcome slo, GauntletRun run) {
    super(slo, SloAssert.class);
    this.run = run;
  }

  /** The SLO passed. */
  public SloAssert passed() {
    if (!SloOutcome.PASSED.equals(actual.status())) {
      failWithMessage(
          "Expecting SLO %s of %s to pass, but it %s: %s%n%s",
          actual.name(), run.scenario(), actual.status(), actual.describe(), run.whereToLook());
    }
    return this;
  }

  /** The measured value is below {@code bound} (strictly). */
  public SloAssert isBelow(double bound) {
    double measured = measured("below " + actual.format(bound));
    if (!(measured < bound)) {
      fail("below", bound, measured);
    }
    return this;
  }

  /** The measured time is below {@code bound}; for metrics measured in seconds. */
  public SloAssert isBelow(Duration bound) {
    return isBelow(bound.toNanos() / 1e9);
  }

  /** The measured value is above {@code bound} (strictly). */
  public SloAssert isAbove(double bound) {
    double measured = measured("above " + actual.format(bound));
    if (!(measured > bound)) {
      fail("above", bound, measured);
    }
    return this;
  }

  private double measured(String expectation) {
    if (actual.measured() == null) {
      failWithMessage(
          "Expecting SLO %s of %s to be %s, but it could not be measured: %s%n%s",
          actual.name(), run.scenario(), expectation, actual.message(), run.whereToLook());
    }
    return actual.measured();
  }

  private void fail(String relation, double bound, double measured) {
    failWithMessage(
        "Expecting SLO %s of %s to be %s %s, but it was %s (%s)%n%s",
        actual.name(),
        run.scenario(),
        relation,
        actual.format(bound),
        actual.format(measured),
        actual.message(),
        run.whereToLook());
  }
}
