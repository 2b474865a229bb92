package dev.gauntlet.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Delay distributions draw what they promise, as pure functions of the generator. */
class DelayTest {

  private static final int DRAWS = 200_000;

  private static long[] draw(Delay delay, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    long[] millis = new long[DRAWS];
    for (int i = 0; i < DRAWS; i++) {
      millis[i] = delay.sample(random).toMillis();
    }
    Arrays.sort(millis);
    return millis;
  }

  private static double quantile(long[] sorted, double q) {
    return sorted[(int) Math.ceil(q * sorted.length) - 1];
  }

  @Test
  void lognormalRecoversItsMedianAndP99() {
    long[] millis = draw(new Delay.LogNormal(Duration.ofMillis(300), Duration.ofSeconds(2)), 7);

    assertThat(quantile(millis, 0.5)).as("median").isCloseTo(300, within(300 * 0.02));
    assertThat(quantile(millis, 0.99)).as("p99").isCloseTo(2000, within(2000 * 0.05));
  }

  @Test
  void lognormalTailIsCappedSoThatARunEnds() {
    long[] millis = draw(new Delay.LogNormal(Duration.ofSeconds(30), Duration.ofMinutes(4)), 3);

    assertThat(millis[millis.length - 1]).isLessThanOrEqualTo(Delay.MAX.toMillis());
  }

  @Test
  void uniformStaysWithinItsBoundsAndCoversThem() {
    long[] millis = draw(new Delay.Uniform(Duration.ofMillis(100), Duration.ofMillis(400)), 11);

    assertThat(millis[0]).isGreaterThanOrEqualTo(100).isLessThan(102);
    assertThat(millis[millis.length - 1]).isLessThanOrEqualTo(400).isGreaterThan(398);
    assertThat(quantile(millis, 0.5)).isCloseTo(250, within(5.0));
  }

  @Test
  void sameSeedDrawsTheSameDelays() {
    Delay delay = new Delay.LogNormal(Duration.ofMillis(300), Duration.ofSeconds(2));

    assertThat(draw(delay, 42)).isEqualTo(draw(delay, 42)).isNotEqualTo(draw(delay, 43));
  }

  @Test
  void fixedIsAlwaysItsValue() {
    assertThat(new Delay.Fixed(Duration.ofMillis(200)).sample(new SplittableRandom(1)))
        .isEqualTo(Duration.ofMillis(200));
  }
}
