package dev.gauntlet.faults.network.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DrawsTest {

  private final Draws draws = new Draws(99);

  @Test
  void toxicityZeroNeverAppliesAndOneAlwaysDoes() {
    assertThat(IntStream.range(0, 1_000)).noneMatch(c -> draws.applies("p", c, "t", 0f));
    assertThat(IntStream.range(0, 1_000)).allMatch(c -> draws.applies("p", c, "t", 1f));
  }

  @Test
  void raisingTheToxicityOnlyAddsConnections() {
    assertThat(IntStream.range(0, 1_000).filter(c -> draws.applies("p", c, "t", 0.3f)))
        .allMatch(c -> draws.applies("p", c, "t", 0.6f));
  }

  @Test
  void aToxicityAppliesToAboutThatShareOfConnections() {
    long hit = IntStream.range(0, 10_000).filter(c -> draws.applies("p", c, "t", 0.25f)).count();

    assertThat(hit).isBetween(2_300L, 2_700L);
  }

  @Test
  void theSameSeedDecidesTheSameAndAnotherSeedOtherwise() {
    boolean[] first = decisions(new Draws(5));

    assertThat(decisions(new Draws(5))).isEqualTo(first);
    assertThat(decisions(new Draws(6))).isNotEqualTo(first);
  }

  private static boolean[] decisions(Draws draws) {
    boolean[] hits = new boolean[64];
    for (int c = 0; c < hits.length; c++) {
      hits[c] = draws.applies("proxy", c, "latency_downstream", 0.5f);
    }
    return hits;
  }
}
