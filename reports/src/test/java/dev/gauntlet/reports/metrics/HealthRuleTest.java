package dev.gauntlet.reports.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The health bar's binomial tail against a direct sum, and what it calls bad. */
class HealthRuleTest {

  @Property
  void upperTailMatchesADirectSumOfBinomialTerms(
      @ForAll @IntRange(min = 1, max = 60) int n,
      @ForAll @IntRange(min = 0, max = 60) int k,
      @ForAll @DoubleRange(min = 0.01, max = 0.9) double p) {
    double direct = 0;
    for (int x = Math.max(0, k); x <= n; x++) {
      direct += choose(n, x) * Math.pow(p, x) * Math.pow(1 - p, n - x);
    }
    assertThat(HealthRule.upperTail(n, k, p)).isCloseTo(Math.min(1, direct), within(1e-9));
  }

  @Test
  void aFailedOrTooSlowTaskIsBad() {
    HealthRule rule = new HealthRule(500L, 0.05);

    assertThat(rule.bad(false, 10)).isTrue();
    assertThat(rule.bad(true, 501)).isTrue();
    assertThat(rule.bad(true, 500)).isFalse();
    assertThat(new HealthRule(null, 0.05).bad(true, 1_000_000)).as("latency not judged").isFalse();
  }

  @Test
  void oneBadTaskOfTenIsNoiseButTenOfTenAreNot() {
    HealthRule rule = new HealthRule(null, 0.05);

    assertThat(rule.unhealthy(10, 1, 0.001)).isFalse();
    assertThat(rule.unhealthy(10, 10, 0.001)).isTrue();
    assertThat(rule.unhealthy(0, 0, 0.001)).as("an empty bucket").isFalse();
  }

  @Test
  void rejectsABadShareOutsideZeroToOne() {
    assertThatThrownBy(() -> new HealthRule(null, 1.0))
        .hasMessage("maxBadShare must be in (0, 1), but was 1.0");
  }

  private static double choose(int n, int k) {
    double c = 1;
    for (int i = 1; i <= k; i++) {
      c = c * (n - k + i) / i;
    }
    return c;
  }
}
