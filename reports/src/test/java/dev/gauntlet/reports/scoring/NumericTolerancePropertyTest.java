package dev.gauntlet.reports.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.dataset.Expectation;
import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** The tolerance is closed: exactly at it passes, a hair beyond it fails, on both sides, in decimal. */
class NumericTolerancePropertyTest {

  private static final BigDecimal HAIR = new BigDecimal("0.000001");
  private final NumericScorer scorer = new NumericScorer();

  @Property(tries = 500)
  void absoluteToleranceBoundariesAreInclusive(
      @ForAll @LongRange(min = -1_000_000_000, max = 1_000_000_000) long e,
      @ForAll @LongRange(min = 0, max = 100_000_000) long t) {
    BigDecimal want = BigDecimal.valueOf(e, 4);
    BigDecimal tolerance = BigDecimal.valueOf(t, 4);
    Expectation.Numeric expected =
        new Expectation.Numeric(want.doubleValue(), tolerance.doubleValue(), 0, null);

    assertThat(passes(expected, want.add(tolerance))).isTrue();
    assertThat(passes(expected, want.subtract(tolerance))).isTrue();
    assertThat(passes(expected, want.add(tolerance).add(HAIR))).isFalse();
    assertThat(passes(expected, want.subtract(tolerance).subtract(HAIR))).isFalse();
  }

  @Property(tries = 500)
  void relativeToleranceScalesWithTheExpectedValue(
      @ForAll @LongRange(min = -1_000_000, max = 1_000_000) long e,
      @ForAll @LongRange(min = 0, max = 1000) long r) {
    BigDecimal want = BigDecimal.valueOf(e, 2);
    BigDecimal relative = BigDecimal.valueOf(r, 3);
    BigDecimal allowed = relative.multiply(want.abs());
    Expectation.Numeric expected =
        new Expectation.Numeric(want.doubleValue(), 0, relative.doubleValue(), null);

    assertThat(passes(expected, want.add(allowed))).isTrue();
    assertThat(passes(expected, want.subtract(allowed).subtract(HAIR))).isFalse();
  }

  @Property
  void theLargerOfTheTwoTolerancesApplies(@ForAll @LongRange(min = 1, max = 1_000_000) long e) {
    BigDecimal want = BigDecimal.valueOf(e);
    Expectation.Numeric both = new Expectation.Numeric(want.doubleValue(), 1, 0.1, null);
    BigDecimal allowed = want.multiply(new BigDecimal("0.1")).max(BigDecimal.ONE);

    assertThat(passes(both, want.add(allowed))).isTrue();
    assertThat(passes(both, want.add(allowed).add(HAIR))).isFalse();
  }

  private boolean passes(Expectation.Numeric expected, BigDecimal actual) {
    return scorer
        .score(expected, Answers.text("The total is " + actual.toPlainString() + " USD."))
        .passed();
  }
}
