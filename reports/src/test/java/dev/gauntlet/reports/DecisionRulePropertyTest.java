package dev.gauntlet.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.reports.metrics.QuantileTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The decision rule of {@link RunDiff} on runs drawn from known distributions, sized like the catalog's smoke
 * (300 tasks, latencies log-normal around 17 ms recorded in whole milliseconds, accuracy a binomial rate of 0.995),
 * each run shifted as a whole by a log-normal of 3% to mimic run-to-run noise: false alarms on identical distributions at
 * most 5% with one baseline run and 1% with three; a 30% slower latency or a 5-point accuracy drop flagged in at
 * least 90% of pairs. Each try draws its batch of pairs from the seed jqwik gives it; jqwik's own seed is fixed,
 * so the test is deterministic.
 */
class DecisionRulePropertyTest {

  /** Pairs per try: enough that a rate near the targets is measured to about ±1 point. */
  static final int PAIRS = 400;

  static final int TASKS = 300;
  static final double MEDIAN_MS = 17;

  /** Log-sd of one task's latency: p95 about 1.6 × the median, as on smoke. */
  static final double TASK_SIGMA = 0.29;

  /** Log-sd of the shift of a whole run: run-to-run noise of a few percent. */
  static final double RUN_SIGMA = 0.03;

  static final double ACCURACY = 0.995;

  /** One run shifted by a log-normal of {@code runSigma}, its latencies scaled by {@code slower}, accuracy less {@code drop}. */
  static RunSample run(SplittableRandom random, double runSigma, double slower, double drop) {
    double shift = Math.exp(runSigma * gaussian(random));
    long[] latencies = new long[TASKS];
    for (int i = 0; i < TASKS; i++) {
      latencies[i] =
          (long) Math.floor(MEDIAN_MS * slower * shift * Math.exp(TASK_SIGMA * gaussian(random)));
    }
    Arrays.sort(latencies);
    long correct = 0;
    for (int i = 0; i < TASKS; i++) {
      correct += random.nextDouble() < ACCURACY - drop ? 1 : 0;
    }
    Map<String, Double> metrics =
        Map.of(
            "success_rate",
            1.0,
            "accuracy",
            (double) correct / TASKS,
            "latency.p50",
            seconds(latencies, 50),
            "latency.p95",
            seconds(latencies, 95),
            "latency.p99",
            seconds(latencies, 99),
            "latency.max",
            latencies[TASKS - 1] / 1000.0);
    Map<String, Long> samples =
        Map.of(
            "success_rate",
            (long) TASKS,
            "accuracy",
            (long) TASKS,
            "latency.p50",
            (long) TASKS,
            "latency.p95",
            (long) TASKS,
            "latency.p99",
            (long) TASKS,
            "latency.max",
            (long) TASKS);
    return new RunSample(metrics, samples, latencies, new long[0]);
  }

  /** The share of {@link #PAIRS} comparisons of {@code baselines} baseline runs with one run that flag a regression. */
  static double flagged(long seed, int baselines, double slower, double drop) {
    return flagged(seed, baselines, RUN_SIGMA, slower, drop);
  }

  static double flagged(long seed, int baselines, double runSigma, double slower, double drop) {
    SplittableRandom random = new SplittableRandom(seed);
    int flagged = 0;
    for (int pair = 0; pair < PAIRS; pair++) {
      List<RunSample> base = new ArrayList<>();
      for (int i = 0; i < baselines; i++) {
        base.add(run(random, runSigma, 1, 0));
      }
      RunSample current = run(random, runSigma, slower, drop);
      flagged +=
          RunDiff.compare(base, current, Tolerance.DEFAULT, null, Evaluator.METRIC_ORDER).stream()
                  .anyMatch(MetricDiff::regression)
              ? 1
              : 0;
    }
    return (double) flagged / PAIRS;
  }

  @Property(tries = 5, seed = "20261207")
  void identicalBuildsRaiseAtMostFivePercentFalseAlarmsWithOneBaseline(@ForAll long seed) {
    assertThat(flagged(seed, 1, 1, 0)).isLessThanOrEqualTo(0.05);
  }

  @Property(tries = 5, seed = "20261207")
  void identicalBuildsRaiseAtMostOnePercentFalseAlarmsWithThreeBaselines(@ForAll long seed) {
    assertThat(flagged(seed, 3, 1, 0)).isLessThanOrEqualTo(0.01);
  }

  @Property(tries = 5, seed = "20261207")
  void aThirtyPercentSlowerBuildIsFlaggedInNineOfTenPairs(@ForAll long seed) {
    assertThat(flagged(seed, 1, 1.3, 0)).isGreaterThanOrEqualTo(0.9);
    assertThat(flagged(seed, 3, 1.3, 0)).isGreaterThanOrEqualTo(0.9);
  }

  @Property(tries = 5, seed = "20261207")
  void aFivePointAccuracyDropIsFlaggedInNineOfTenPairs(@ForAll long seed) {
    assertThat(flagged(seed, 1, 1, 0.05)).isGreaterThanOrEqualTo(0.9);
    assertThat(flagged(seed, 3, 1, 0.05)).isGreaterThanOrEqualTo(0.9);
  }

  private static double seconds(long[] sorted, double percentile) {
    return QuantileTest.quantile(sorted, percentile) / 1000.0;
  }

  /** A standard normal draw (Box-Muller), from {@code random} alone so that a seed repeats it. */
  private static double gaussian(SplittableRandom random) {
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
        * Math.cos(2 * Math.PI * random.nextDouble());
  }

  /** Prints the rates over a range of run-to-run noise (5 × {@link #PAIRS} pairs each): the table in docs/metrics.md. */
  public static void main(String[] args) {
    System.out.println(
        "run-to-run sigma  A/A 1 baseline  A/A 3 baselines  +30% latency (1 / 3)  -5 points (1 / 3)");
    for (double sigma : new double[] {0, 0.02, 0.03, 0.05, 0.08}) {
      double[] rates = new double[6];
      for (long seed = 1; seed <= 5; seed++) {
        rates[0] += flagged(seed, 1, sigma, 1, 0) / 5;
        rates[1] += flagged(seed, 3, sigma, 1, 0) / 5;
        rates[2] += flagged(seed, 1, sigma, 1.3, 0) / 5;
        rates[3] += flagged(seed, 3, sigma, 1.3, 0) / 5;
        rates[4] += flagged(seed, 1, sigma, 1, 0.05) / 5;
        rates[5] += flagged(seed, 3, sigma, 1, 0.05) / 5;
      }
      System.out.printf(
          "%.0f%%  %.1f%%  %.1f%%  %.1f%% / %.1f%%  %.1f%% / %.1f%%%n",
          100 * sigma,
          100 * rates[0],
          100 * rates[1],
          100 * rates[2],
          100 * rates[3],
          100 * rates[4],
          100 * rates[5]);
    }
  }
}
