package dev.gauntlet.reports.leak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Assume;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

class LeakDetectorPropertyTest {

  /**
   * A synthetic leak of known rate with Gaussian noise: the 95% interval must hold the true rate in about 95% of
   * tries. With 2,000 tries the share's standard error is 0.49 points, so [93.5%, 96.5%] is three of them: a
   * narrower interval (a wrong t or standard error) and a wider one (a needlessly timid detector) both fail. The
   * seed is fixed, so the run is the same every time.
   */
  @Property(
      tries = 2000,
      seed = "20261123",
      generation = GenerationMode.RANDOMIZED,
      edgeCases = EdgeCasesMode.NONE)
  void aKnownLeakIsInsideItsIntervalInAbout95PercentOfTries(
      @ForAll @DoubleRange(min = 0, max = 2) double mbPerTask,
      @ForAll @DoubleRange(min = 0.5, max = 50) double noiseMb,
      @ForAll @IntRange(min = 5, max = 200) int samples,
      @ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<LeakSample> readings = new ArrayList<>();
    double tasks = 0;
    for (int i = 0; i < samples; i++) {
      tasks += 1 + random.nextInt(20);
      readings.add(new LeakSample(tasks, 800 + mbPerTask * tasks + noiseMb * gaussian(random)));
    }
    LeakEstimate fit = (LeakEstimate) LeakDetector.DEFAULT.fit(readings);
    Statistics.collect(fit.contains(mbPerTask) ? "covered" : "missed");
    Statistics.coverage(
        coverage -> coverage.check("covered").percentage(p -> p >= 93.5 && p <= 96.5));
  }

  /**
   * The same with restarts: between 1 and 6 segments, each starting again near a baseline of its own while tasks
   * served keep growing. The pooled fit must cover the true rate in about 95% of tries, as the single-line fit does
   * without restarts; a fit that let the drops into the slope would miss almost always.
   */
  @Property(
      tries = 2000,
      seed = "20261124",
      generation = GenerationMode.RANDOMIZED,
      edgeCases = EdgeCasesMode.NONE)
  void aKnownLeakAcrossRestartsIsInsideItsIntervalInAbout95PercentOfTries(
      @ForAll @DoubleRange(min = 0.5, max = 200) double mbPerTask,
      @ForAll @DoubleRange(min = 0.5, max = 300) double noiseMb,
      @ForAll @IntRange(min = 1, max = 6) int restartsPlusOne,
      @ForAll @IntRange(min = 3, max = 40) int perSegment,
      @ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<List<LeakSample>> segments = new ArrayList<>();
    double tasks = 0;
    for (int k = 0; k < restartsPlusOne; k++) {
      List<LeakSample> segment = new ArrayList<>();
      double baseline = 50_000 + 2_000 * random.nextDouble();
      double start = tasks;
      for (int i = 0; i < perSegment; i++) {
        tasks += 1 + random.nextInt(20);
        segment.add(
            new LeakSample(
                tasks, baseline + mbPerTask * (tasks - start) + noiseMb * gaussian(random)));
      }
      segments.add(segment);
    }
    LeakEstimate fit = (LeakEstimate) LeakDetector.DEFAULT.fitSegments(segments);
    Statistics.collect(fit.contains(mbPerTask) ? "covered" : "missed");
    Statistics.coverage(
        coverage -> coverage.check("covered").percentage(p -> p >= 93.5 && p <= 96.5));
  }

  /** The slope against a brute-force reference: the mean of all pairwise slopes weighted by (xⱼ − xᵢ)². */
  @Property(tries = 500, seed = "7")
  void slopeMatchesThePairwiseReference(
      @ForAll @Size(min = 3, max = 40) List<@IntRange(min = 0, max = 100_000) Integer> tasks,
      @ForAll @DoubleRange(min = -5, max = 5) double mbPerTask,
      @ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<LeakSample> readings = new ArrayList<>();
    for (int x : tasks) {
      readings.add(new LeakSample(x, 1000 + mbPerTask * x + 30 * gaussian(random)));
    }
    Assume.that(tasks.stream().distinct().count() > 1);
    LeakEstimate fit = (LeakEstimate) LeakDetector.DEFAULT.fit(readings);
    double reference = pairwiseSlope(readings);
    assertThat(fit.mbPerTask())
        .isCloseTo(reference, within(1e-9 * Math.max(1, Math.abs(reference))));
    assertThat(sse(readings, fit.mbPerTask(), fit.interceptMb()))
        .as("no nearby line fits better")
        .isLessThanOrEqualTo(bestNearby(readings, fit) * (1 + 1e-12));
  }

  private static double pairwiseSlope(List<LeakSample> s) {
    double num = 0;
    double den = 0;
    for (int i = 0; i < s.size(); i++) {
      for (int j = i + 1; j < s.size(); j++) {
        double dx = s.get(j).tasksServed() - s.get(i).tasksServed();
        num += dx * (s.get(j).memoryMb() - s.get(i).memoryMb());
        den += dx * dx;
      }
    }
    return num / den;
  }

  private static double bestNearby(List<LeakSample> s, LeakEstimate fit) {
    double best = Double.MAX_VALUE;
    for (double db : new double[] {-1e-3, 1e-3}) {
      for (double da : new double[] {-1, 0, 1}) {
        best = Math.min(best, sse(s, fit.mbPerTask() + db, fit.interceptMb() + da));
      }
    }
    return Math.min(best, sse(s, fit.mbPerTask(), fit.interceptMb() + 0.5));
  }

  private static double sse(List<LeakSample> s, double b, double a) {
    double sum = 0;
    for (LeakSample x : s) {
      double r = x.memoryMb() - a - b * x.tasksServed();
      sum += r * r;
    }
    return sum;
  }

  private static double gaussian(SplittableRandom random) {
    // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
        * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
