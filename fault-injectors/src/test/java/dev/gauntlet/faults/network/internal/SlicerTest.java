package dev.gauntlet.faults.network.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SlicerTest {

  @Test
  void piecesAddUpToTheWholeAndNoneExceedsAveragePlusVariation() {
    SplittableRandom cases = new SplittableRandom(7);
    for (int i = 0; i < 2_000; i++) {
      int size = cases.nextInt(1, 200_000);
      long average = cases.nextLong(0, 2_000);
      long variation = cases.nextLong(0, average + 1);
      List<Integer> pieces = new Slicer(average, variation, 0).cut(size, new SplittableRandom(i));

      assertThat(pieces.stream().mapToLong(Integer::longValue).sum())
          .as("size %d", size)
          .isEqualTo(size);
      assertThat(pieces)
          .as("size %d, average %d ± %d", size, average, variation)
          .allSatisfy(p -> assertThat(p).isBetween(1, (int) Math.max(1, average + variation)));
    }
  }

  @Test
  void aPieceSmallerThanTheAverageIsLeftWhole() {
    assertThat(new Slicer(100, 10, 0).cut(80, new SplittableRandom(1))).containsExactly(80);
  }

  @Test
  void theSameGeneratorCutsTheSameWay() {
    Slicer slicer = new Slicer(50, 20, 0);

    assertThat(slicer.cut(10_000, new SplittableRandom(3)))
        .isEqualTo(slicer.cut(10_000, new SplittableRandom(3)));
  }
}
