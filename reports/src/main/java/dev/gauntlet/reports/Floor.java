package dev.gauntlet.reports;

import java.util.Map;

/**
 * The smallest change of a metric that can count as a regression, in the metric's unit: the largest of the
 * configured tolerance, the metric's resolution (what its recording cannot tell apart) and the run-to-run noise
 * measured over repeated baseline runs. A change must be <em>larger</em> than the floor. Immutable and thread-safe.
 *
 * @param tolerance  the allowance the user configured ({@code --max-drop}, {@code --max-increase}, an SLO's)
 * @param resolution what the metric's recording cannot resolve; see {@link #resolution}
 * @param noise      the run-to-run noise floor of repeated baseline runs, 0 without them; see {@link RunNoise.Spread#floor}
 */
public record Floor(double tolerance, double resolution, double noise) {

  /** One step of latencies and times to first token: the records keep whole milliseconds. */
  public static final double MILLISECOND = 0.001;

  /** The floor's value: the largest of its three parts. */
  public double value() {
    return Math.max(tolerance, Math.max(resolution, noise));
  }

  /** Which part set the floor: {@code tolerance}, {@code resolution} or {@code noise} (the first on a tie). */
  public String source() {
    double value = value();
    return tolerance == value ? "tolerance" : resolution == value ? "resolution" : "noise";
  }

  /**
   * What the recording of {@code metric} cannot resolve, given its baseline value and the fewest tasks behind it in
   * one run: for latencies and times to first token, two recording steps (each side is recorded in whole
   * milliseconds, and the latency histogram keeps three significant digits, so one step is the larger of 1 ms and
   * 0.1% of the value, and a difference carries a step from each side); for a rate, one task of the smaller run
   * (1 ÷ n); 0 for every other metric.
   */
  public static double resolution(String metric, double baseline, Long fewestTasks) {
    if (metric.startsWith("latency.") || metric.startsWith("ttft.")) {
      return 2 * Math.max(MILLISECOND, Math.abs(baseline) / 1000);
    }
    if (RunDiff.RATES.contains(metric) && fewestTasks != null && fewestTasks > 0) {
      return 1.0 / fewestTasks;
    }
    return 0;
  }

  /** The noise floor of {@code metric}: the larger of what the spreads in {@code sources} give; 0 with none. */
  static double noise(
      String metric, int baselineRuns, Map<String, RunNoise.Spread> own, NoiseProfile profile) {
    double noise = own.containsKey(metric) ? own.get(metric).floor(baselineRuns) : 0;
    RunNoise.Spread recorded = profile == null ? null : profile.spread(metric);
    return recorded == null ? noise : Math.max(noise, recorded.floor(baselineRuns));
  }
}
