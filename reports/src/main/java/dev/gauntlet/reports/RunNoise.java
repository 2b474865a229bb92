package dev.gauntlet.reports;

import dev.gauntlet.run.RunDirectory;
import java.util.ArrayList;
import java.util.List;

/**
 * The run-to-run spread of each metric over repeated runs of the same scenario (the noise floor): what a diff
 * against one of them should not mistake for a change. Thread-safe (stateless).
 */
public final class RunNoise {

  /**
   * Standard deviations of run-to-run noise a change must exceed: 3, so that with the standard deviation taken from
   * as few as three runs a new run of the same build falls beyond the floor in under 1% of comparisons (with
   * normally distributed run-to-run shifts of up to 4% of the value; see docs/metrics.md, "Comparing with a baseline").
   */
  public static final double NOISE_SIGMAS = 3;

  private RunNoise() {}

  /**
   * One metric over the runs that measured it.
   *
   * @param metric the metric's name
   * @param runs   how many runs measured it
   * @param mean   its mean
   * @param stdev  its sample standard deviation (n − 1), 0 with one run
   * @param min    the lowest value
   * @param max    the highest value
   */
  public record Spread(String metric, int runs, double mean, double stdev, double min, double max) {

    /** max − min: the largest change seen between two runs of the same code. */
    public double range() {
      return max - min;
    }

    /**
     * The noise floor of a comparison against the mean of {@code baselineRuns} runs: {@link #NOISE_SIGMAS} × stdev ×
     * √(1 + 1 ÷ baselineRuns), the spread of one new run's value around that mean; 0 when fewer than two runs
     * measured the metric (no spread to go by).
     */
    public double floor(int baselineRuns) {
      return runs < 2 ? 0 : NOISE_SIGMAS * stdev * Math.sqrt(1 + 1.0 / Math.max(1, baselineRuns));
    }
  }

  /** The spread of every metric of {@link Evaluator#METRIC_ORDER} that at least one run measured. */
  public static List<Spread> of(List<RunDirectory> runs) {
    List<RunDiff.Measured> measured = runs.stream().map(RunDiff.Measured::read).toList();
    List<Spread> spreads = new ArrayList<>();
    for (String metric : Evaluator.METRIC_ORDER) {
      double[] values =
          measured.stream()
              .map(m -> m.metrics().get(metric))
              .filter(v -> v != null)
              .mapToDouble(Double::doubleValue)
              .toArray();
      if (values.length > 0) {
        spreads.add(spread(metric, values));
      }
    }
    return spreads;
  }

  static Spread spread(String metric, double[] values) {
    double mean = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      mean += v / values.length;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    double stdev = values.length < 2 ? 0 : Math.sqrt(squares / (values.length - 1));
    return new Spread(metric, values.length, mean, stdev, min, max);
  }
}
