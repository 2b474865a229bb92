package dev.gauntlet.reports.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The Wilson interval against its definition, solved by bisection rather than by the closed form: the interval is
 * every p whose score test does not reject the observed share, {@code (p̂ − p)² ≤ z² p(1 − p) / n}.
 */
class WilsonPropertyTest {

  @Property
  void endsAreWhereTheScoreTestStopsAccepting(
      @ForAll @IntRange(min = 1, max = 5000) int trials,
      @ForAll @IntRange(min = 0, max = 5000) int successesSeed) {
    int successes = successesSeed % (trials + 1);
    double observed = (double) successes / trials;

    Wilson interval = Wilson.of95(successes, trials);

    assertThat(interval.low())
        .as("low of %d/%d", successes, trials)
        .isCloseTo(boundary(observed, trials, 0, observed), within(1e-9));
    assertThat(interval.high())
        .as("high of %d/%d", successes, trials)
        .isCloseTo(boundary(observed, trials, 1, observed), within(1e-9));
    assertThat(interval.low()).isLessThanOrEqualTo(observed).isGreaterThanOrEqualTo(0);
    assertThat(interval.high()).isGreaterThanOrEqualTo(observed).isLessThanOrEqualTo(1);
  }

  @Example
  void knownValueOfEightOfTen() {
    // Wilson (1927), as tabulated by Newcombe (1998), method 3: 0.4902 to 0.9433 for 8 of 10
    // (rounded).
    Wilson interval = Wilson.of95(8, 10);

    assertThat(interval.low()).isCloseTo(0.4902, within(1e-4));
    assertThat(interval.high()).isCloseTo(0.9433, within(1e-4));
  }

  /** The accepted p closest to {@code outside} between {@code outside} (rejected or edge) and {@code inside}. */
  private static double boundary(double observed, int n, double outside, double inside) {
    if (accepts(observed, n, outside)) {
      return outside;
    }
    double rejected = outside;
    double accepted = inside;
    for (int i = 0; i < 200; i++) {
      double mid = (rejected + accepted) / 2;
      if (accepts(observed, n, mid)) {
        accepted = mid;
      } else {
        rejected = mid;
      }
    }
    return accepted;
  }

  private static boolean accepts(double observed, int n, double p) {
    double z = Wilson.Z95;
    return (observed - p) * (observed - p) <= z * z * p * (1 - p) / n;
  }
}
