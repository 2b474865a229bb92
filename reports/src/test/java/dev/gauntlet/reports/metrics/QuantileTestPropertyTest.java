package dev.gauntlet.reports.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** The tail tests and the Holm correction behind gauntlet diff, against their definitions and brute force. */
class QuantileTestPropertyTest {

  @Property
  void aQuantileThatIsNotHigherIsNeverEvidenceOfARise(
      @ForAll @Size(min = 1, max = 80) List<@LongRange(min = 0, max = 500) Long> a,
      @ForAll @Size(min = 1, max = 80) List<@LongRange(min = 0, max = 500) Long> b,
      @ForAll @DoubleRange(min = 1, max = 99) double percentile) {
    long[] base = sorted(a);
    long[] cur = sorted(b);

    double p = QuantileTest.higher(base, cur, percentile, 1, 1);

    assertThat(p).isBetween(0.0, 1.0);
    if (QuantileTest.quantile(cur, percentile) <= QuantileTest.quantile(base, percentile)) {
      assertThat(p).isEqualTo(1.0);
    } else {
      assertThat(p).isLessThan(0.5);
    }
  }

  @Property
  void theMaximumTestIsTheHypergeometricChanceOfTheTopValues(
      @ForAll @Size(min = 1, max = 40) List<@LongRange(min = 0, max = 60) Long> a,
      @ForAll @Size(min = 1, max = 40) List<@LongRange(min = 0, max = 60) Long> b) {
    long[] base = sorted(a);
    long[] cur = sorted(b);
    int k = (int) Arrays.stream(cur).filter(v -> v > base[base.length - 1]).count();

    double p = QuantileTest.maximumHigher(base, cur, 1);

    assertThat(p)
        .isCloseTo(choose(cur.length, k) / choose(cur.length + base.length, k), within(1e-9));
  }

  @Property
  void aPooledBaselineCountsAsOneRunsWorth(@ForAll @IntRange(min = 2, max = 5) int runs) {
    long[] one = new long[200];
    long[] current = new long[200];
    for (int i = 0; i < 200; i++) {
      one[i] = 10 + i % 20;
      current[i] = 12 + i % 20;
    }
    long[] pooled = new long[200 * runs];
    for (int i = 0; i < pooled.length; i++) {
      pooled[i] = one[i % 200];
    }
    Arrays.sort(one);
    Arrays.sort(current);
    Arrays.sort(pooled);

    assertThat(QuantileTest.maximumHigher(pooled, current, runs))
        .isCloseTo(QuantileTest.maximumHigher(one, current, 1), within(1e-12));
    assertThat(QuantileTest.higher(pooled, current, 50, 1, runs))
        .as("the pool's interval is narrower, its variance counted %d times", runs)
        .isGreaterThan(QuantileTest.higher(pooled, current, 50, 1, 1));
  }

  @Example
  void aSlowerTailIsSignificantAndTheSameTailIsNot() {
    long[] base = new long[300];
    long[] slower = new long[300];
    for (int i = 0; i < 300; i++) {
      base[i] = 15 + i / 20;
      slower[i] = 15 + i / 20 + (i >= 270 ? 30 : 0);
    }

    assertThat(QuantileTest.higher(base, slower, 95, 1, 1)).isLessThan(0.001);
    assertThat(QuantileTest.higher(base, slower, 50, 1, 1))
        .as("the middle did not move")
        .isEqualTo(1.0);
    assertThat(QuantileTest.maximumHigher(base, slower, 1)).isLessThan(1e-6);
    assertThat(QuantileTest.higher(base, base.clone(), 99, 1, 1)).isEqualTo(1.0);
  }

  @Property
  void holmMultipliesTheIthSmallestByTheTestsLeftAndKeepsTheOrder(
      @ForAll @Size(min = 1, max = 12) List<@DoubleRange(min = 0, max = 1) Double> ps) {
    double[] p = ps.stream().mapToDouble(Double::doubleValue).toArray();

    double[] adjusted = Significance.holm(p);

    double[] sorted = p.clone();
    Arrays.sort(sorted);
    for (int i = 0; i < p.length; i++) {
      double pi = p[i];
      int rank = (int) Arrays.stream(p).filter(x -> x < pi).count();
      double expected = 0;
      for (int j = 0; j <= rank; j++) {
        expected = Math.max(expected, Math.min(1, (p.length - j) * sorted[j]));
      }
      assertThat(adjusted[i]).isCloseTo(expected, within(1e-12)).isGreaterThanOrEqualTo(p[i]);
    }
  }

  @Property
  void theOneSidedRateTestHalvesTheTwoSidedOneWhenTheRateDropped(
      @ForAll @IntRange(min = 1, max = 2000) int n1,
      @ForAll @IntRange(min = 1, max = 2000) int n2,
      @ForAll @IntRange(min = 0, max = 2000) int x1Seed,
      @ForAll @IntRange(min = 0, max = 2000) int x2Seed) {
    int x1 = x1Seed % (n1 + 1);
    int x2 = x2Seed % (n2 + 1);

    double oneSided = Significance.proportionLower((double) x1 / n1, n1, (double) x2 / n2, n2);

    if ((double) x2 / n2 < (double) x1 / n1) {
      assertThat(oneSided)
          .isCloseTo(Significance.twoProportions(x1, n1, x2, n2) / 2, within(1e-12));
    } else {
      assertThat(oneSided).isEqualTo(1.0);
    }
  }

  private static double choose(int n, int k) {
    double c = 1;
    for (int i = 0; i < k; i++) {
      c = c * (n - i) / (i + 1);
    }
    return c;
  }

  private static long[] sorted(List<Long> values) {
    return values.stream().mapToLong(Long::longValue).sorted().toArray();
  }
}
