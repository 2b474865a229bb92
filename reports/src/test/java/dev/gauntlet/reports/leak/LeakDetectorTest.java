package dev.gauntlet.reports.leak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class LeakDetectorTest {

  @Test
  void anExactLineHasAZeroWidthInterval() {
    LeakEstimate fit =
        (LeakEstimate)
            LeakDetector.DEFAULT.fit(
                List.of(
                    new LeakSample(0, 100),
                    new LeakSample(10, 105),
                    new LeakSample(20, 110),
                    new LeakSample(40, 120)));
    assertThat(fit.mbPerTask()).isCloseTo(0.5, within(1e-12));
    assertThat(fit.interceptMb()).isCloseTo(100, within(1e-9));
    assertThat(fit.upperMbPerTask() - fit.lowerMbPerTask()).isCloseTo(0, within(1e-9));
    assertThat(fit.rSquared()).isEqualTo(1);
    assertThat(fit.leaks()).isTrue();
  }

  @Test
  void matchesAWorkedExample() {
    // x = 1..5, y = 2.1, 3.9, 6.2, 7.8, 10.1: Sxx = 10, Sxy = 19.9, Syy = 39.708, SSE = 0.107, so b
    // = 1.99,
    // a = 0.05, SE(b) = √(0.107 / 3 / 10) = 0.059722, t(0.975; 3) = 3.18245, r² = 1 − 0.107 /
    // 39.708.
    List<LeakSample> samples =
        List.of(
            new LeakSample(1, 2.1),
            new LeakSample(2, 3.9),
            new LeakSample(3, 6.2),
            new LeakSample(4, 7.8),
            new LeakSample(5, 10.1));
    LeakEstimate fit = (LeakEstimate) LeakDetector.DEFAULT.fit(samples);
    assertThat(fit.mbPerTask()).isCloseTo(1.99, within(1e-9));
    assertThat(fit.interceptMb()).isCloseTo(0.05, within(1e-9));
    assertThat(fit.upperMbPerTask() - fit.mbPerTask()).isCloseTo(3.18245 * 0.059722, within(1e-4));
    assertThat(fit.rSquared()).isCloseTo(1 - 0.107 / 39.708, within(1e-9));
  }

  @Test
  void flatNoisyMemoryDoesNotLeak() {
    LeakEstimate fit =
        (LeakEstimate)
            LeakDetector.DEFAULT.fit(
                List.of(
                    new LeakSample(0, 100),
                    new LeakSample(10, 103),
                    new LeakSample(20, 98),
                    new LeakSample(30, 101),
                    new LeakSample(40, 99)));
    assertThat(fit.leaks()).isFalse();
    assertThat(fit.contains(0)).isTrue();
  }

  @Test
  void tooFewSamplesAreUnresolved() {
    assertThat(LeakDetector.DEFAULT.fit(List.of(new LeakSample(0, 1), new LeakSample(1, 2))))
        .isEqualTo(
            new LeakFit.Unresolved(2, "a leak rate needs at least 3 samples, but there were 2"));
  }

  @Test
  void tasksServedThatNeverChangeAreUnresolved() {
    assertThat(
            LeakDetector.DEFAULT.fit(
                List.of(new LeakSample(5, 1), new LeakSample(5, 2), new LeakSample(5, 3))))
        .isInstanceOf(LeakFit.Unresolved.class);
  }

  @Test
  void rejectsAConfidenceOutsideZeroToOne() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new LeakDetector(1))
        .withMessage("confidence must be in (0, 1), but was 1.0");
  }

  @Test
  void segmentsSplitAtRestartsShareOneSlopeAndKeepTheirOwnIntercepts() {
    // 2 MB per task; the server restarts twice, each time dropping back to 1000 MB while tasks
    // served go on.
    List<List<LeakSample>> segments =
        List.of(
            List.of(new LeakSample(0, 1000), new LeakSample(10, 1020), new LeakSample(20, 1040)),
            List.of(new LeakSample(25, 1000), new LeakSample(35, 1020), new LeakSample(45, 1040)),
            List.of(new LeakSample(50, 1000), new LeakSample(60, 1020)));
    LeakEstimate fit = (LeakEstimate) LeakDetector.DEFAULT.fitSegments(segments);
    assertThat(fit.mbPerTask()).isCloseTo(2, within(1e-12));
    assertThat(fit.upperMbPerTask() - fit.lowerMbPerTask()).isCloseTo(0, within(1e-9));
    assertThat(fit.samples()).isEqualTo(8);
    LeakEstimate oneLine =
        (LeakEstimate) LeakDetector.DEFAULT.fit(segments.stream().flatMap(List::stream).toList());
    assertThat(oneLine.mbPerTask())
        .as("one line across the restarts reads the drops as a smaller leak")
        .isLessThan(0.5);
  }

  @Test
  void aLoneSampleBetweenRestartsIsLeftOutAndTooFewAreUnresolved() {
    List<LeakSample> lone = List.of(new LeakSample(100, 1));
    List<LeakSample> pair = List.of(new LeakSample(0, 1000), new LeakSample(10, 1020));
    assertThat(LeakDetector.DEFAULT.fitSegments(List.of(pair, lone)))
        .isEqualTo(
            new LeakFit.Unresolved(
                3,
                "a leak rate needs at least 3 samples in stretches of 2 or more between restarts, but there were 2"));
    LeakEstimate twoPairs =
        (LeakEstimate) LeakDetector.DEFAULT.fitSegments(List.of(pair, lone, pair));
    assertThat(twoPairs.samples()).as("the lone sample left out").isEqualTo(4);
    assertThat(twoPairs.mbPerTask()).isCloseTo(2, within(1e-12));
    LeakEstimate fit =
        (LeakEstimate)
            LeakDetector.DEFAULT.fitSegments(
                List.of(
                    pair,
                    lone,
                    List.of(
                        new LeakSample(20, 1000),
                        new LeakSample(30, 1021),
                        new LeakSample(40, 1039))));
    assertThat(fit.samples()).isEqualTo(5);
    // Pooled: Sxy = 100 + 390, Sxx = 50 + 200.
    assertThat(fit.mbPerTask()).isCloseTo(490.0 / 250, within(1e-9));
  }
}
