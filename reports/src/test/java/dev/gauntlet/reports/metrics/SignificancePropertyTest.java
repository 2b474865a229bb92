package dev.gauntlet.reports.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** The tests behind gauntlet diff against brute-force counts and published values. */
class SignificancePropertyTest {

  @Property
  void uCountsEveryPairWhereTheFirstSampleIsLargerAndHalfTheTies(
      @ForAll @Size(min = 1, max = 60) List<@LongRange(min = 0, max = 20) Long> a,
      @ForAll @Size(min = 1, max = 60) List<@LongRange(min = 0, max = 20) Long> b) {
    double pairs = 0;
    for (long x : a) {
      for (long y : b) {
        pairs += x > y ? 1 : x == y ? 0.5 : 0;
      }
    }

    assertThat(Significance.u(array(a), array(b))).isEqualTo(pairs);
  }

  @Property
  void mannWhitneyIsSymmetricAndAProbability(
      @ForAll @Size(min = 1, max = 60) List<@LongRange(min = 0, max = 1000) Long> a,
      @ForAll @Size(min = 1, max = 60) List<@LongRange(min = 0, max = 1000) Long> b) {
    double p = Significance.mannWhitney(array(a), array(b));

    assertThat(p).isBetween(0.0, 1.0);
    assertThat(Significance.mannWhitney(array(b), array(a))).isCloseTo(p, within(1e-9));
  }

  @Property
  void twoProportionsMatchesTheTextbookFormula(
      @ForAll @IntRange(min = 1, max = 2000) int n1,
      @ForAll @IntRange(min = 1, max = 2000) int n2,
      @ForAll @IntRange(min = 0, max = 2000) int x1Seed,
      @ForAll @IntRange(min = 0, max = 2000) int x2Seed) {
    int x1 = x1Seed % (n1 + 1);
    int x2 = x2Seed % (n2 + 1);
    double pooled = (double) (x1 + x2) / (n1 + n2);
    double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));

    double p = Significance.twoProportions(x1, n1, x2, n2);

    if (se == 0) {
      assertThat(p).isEqualTo(1.0);
    } else {
      double z = Math.abs((double) x1 / n1 - (double) x2 / n2) / se;
      assertThat(p).isCloseTo(2 * (1 - normalCdfBySimpson(z)), within(1e-6));
    }
  }

  @Example
  void knownZValues() {
    assertThat(2 * Significance.upperTail(1.959963984540054)).isCloseTo(0.05, within(1e-7));
    assertThat(2 * Significance.upperTail(2.575829303549)).isCloseTo(0.01, within(1e-7));
  }

  @Example
  void aClearShiftIsSignificantAndIdenticalSamplesAreNot() {
    long[] fast = new long[200];
    long[] slow = new long[200];
    for (int i = 0; i < 200; i++) {
      fast[i] = 100 + i;
      slow[i] = 150 + i;
    }

    assertThat(Significance.mannWhitney(fast, slow)).isLessThan(Significance.ALPHA);
    assertThat(Significance.mannWhitney(fast, fast.clone())).isCloseTo(1.0, within(1e-9));
  }

  /** Φ(z) by integrating the density with Simpson's rule: a reference independent of erfc. */
  private static double normalCdfBySimpson(double z) {
    int steps = 20_000;
    double h = z / steps;
    double sum = 0;
    for (int i = 0; i <= steps; i++) {
      double x = i * h;
      double f = Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);
      sum += (i == 0 || i == steps ? 1 : i % 2 == 1 ? 4 : 2) * f;
    }
    return 0.5 + sum * h / 3;
  }

  private static long[] array(List<Long> values) {
    return values.stream().mapToLong(Long::longValue).toArray();
  }
}
