package dev.gauntlet.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gauntlet.reports.internal.VerdictJson;
import dev.gauntlet.run.RunDirectory;
import dev.gauntlet.scenario.Stage;
import dev.gauntlet.scenario.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDiffTest {

  @TempDir Path dir;

  private static RunDirectory written(RunFixture run) throws IOException {
    Files.writeString(run.run.verdict(), VerdictJson.text(run.evaluate()));
    return run.run;
  }

  private static MetricDiff metric(List<MetricDiff> diffs, String name) {
    return diffs.stream().filter(d -> d.metric().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void aRunThatFailsFarMoreOftenIsASignificantRegression() throws IOException {
    RunDirectory baseline =
        written(
            new RunFixture(dir.resolve("a")).completed(200_000).tasks(0, 200_000, 500, 300, true));
    RunDirectory current =
        written(
            new RunFixture(dir.resolve("b"))
                .completed(200_000)
                .tasks(0, 150_000, 500, 300, true)
                .tasks(150_000, 200_000, 500, 300, false));

    List<MetricDiff> diffs = RunDiff.compare(baseline, current);

    MetricDiff success = metric(diffs, "success_rate");
    assertThat(success.delta()).isCloseTo(-0.25, within(1e-9));
    assertThat(success.significant()).isTrue();
    assertThat(success.regression()).isTrue();
    assertThat(success.floor().source()).isEqualTo("tolerance");
    assertThat(metric(diffs, "latency.p95").significant()).as("same latencies").isFalse();
  }

  @Test
  void aSmallDropOnFewTasksIsNoise() throws IOException {
    RunDirectory baseline =
        written(
            new RunFixture(dir.resolve("a")).completed(30_000).tasks(0, 30_000, 1_000, 300, true));
    RunDirectory current =
        written(
            new RunFixture(dir.resolve("b"))
                .completed(30_000)
                .tasks(0, 29_000, 1_000, 300, true)
                .tasks(29_000, 30_000, 1_000, 300, false));

    MetricDiff success = metric(RunDiff.compare(baseline, current), "success_rate");

    assertThat(success.delta()).isNegative();
    assertThat(success.significant()).as("1 failure in 30 against none").isFalse();
    assertThat(success.decision()).isEqualTo(MetricDiff.Decision.NOISE);
  }

  @Test
  void slowerLatenciesAreSignificantAndARegressionBeyondTheAllowedRise() throws IOException {
    RunDirectory baseline =
        written(
            new RunFixture(dir.resolve("a")).completed(100_000).tasks(0, 100_000, 500, 300, true));
    RunDirectory current =
        written(
            new RunFixture(dir.resolve("b")).completed(100_000).tasks(0, 100_000, 500, 400, true));

    MetricDiff p95 = metric(RunDiff.compare(baseline, current), "latency.p95");
    MetricDiff allowed =
        metric(
            RunDiff.compare(Baseline.of(baseline), current, new Tolerance(0.02, 0.5)),
            "latency.p95");

    assertThat(p95.test()).isEqualTo("quantile");
    assertThat(p95.regression()).as("+33%").isTrue();
    assertThat(allowed.decision())
        .as("within a 50% allowance")
        .isEqualTo(MetricDiff.Decision.WITHIN_FLOOR);
    assertThat(allowed.floor().value()).isCloseTo(0.15, within(1e-9));
  }

  @Test
  void aTwoMillisecondRiseOfASixteenMillisecondMedianIsResolutionNotARegression()
      throws IOException {
    RunDirectory baseline =
        written(
            new RunFixture(dir.resolve("a")).completed(100_000).tasks(0, 100_000, 100, 16, true));
    RunDirectory current =
        written(
            new RunFixture(dir.resolve("b")).completed(100_000).tasks(0, 100_000, 100, 18, true));
    RunDirectory slower =
        written(
            new RunFixture(dir.resolve("c")).completed(100_000).tasks(0, 100_000, 100, 21, true));

    MetricDiff p50 = metric(RunDiff.compare(baseline, current), "latency.p50");
    MetricDiff slowerP50 = metric(RunDiff.compare(baseline, slower), "latency.p50");

    assertThat(p50.significant()).as("every task 2 ms slower").isTrue();
    assertThat(p50.floor().source()).isEqualTo("resolution");
    assertThat(p50.floor().value()).isCloseTo(0.002, within(1e-12));
    assertThat(p50.decision())
        .as("+12.5%%, but two whole-millisecond steps")
        .isEqualTo(MetricDiff.Decision.WITHIN_FLOOR);
    assertThat(slowerP50.decision()).as("+5 ms, +31%").isEqualTo(MetricDiff.Decision.REGRESSION);
  }

  @Test
  void tasksStartedInTheWarmUpAreLeftOutOfTheLatencyComparisonAsTheyAreOutOfTheMetrics()
      throws IOException {
    Workload warm =
        new Workload(
            Workload.Protocol.SYNC,
            List.of(new Stage(60, 60, Duration.ofMinutes(2))),
            Duration.ofSeconds(30),
            1,
            Workload.DEFAULT_POLL_INTERVAL,
            Duration.ofSeconds(20));
    RunDirectory baseline =
        written(
            new RunFixture(dir.resolve("a"))
                .workload(warm)
                .completed(120_000)
                .tasks(0, 20_000, 100, 40, true)
                .tasks(20_000, 120_000, 100, 16, true));
    RunDirectory current =
        written(
            new RunFixture(dir.resolve("b"))
                .workload(warm)
                .completed(120_000)
                .tasks(0, 20_000, 100, 900, true)
                .tasks(20_000, 120_000, 100, 16, true));

    List<MetricDiff> diffs = RunDiff.compare(baseline, current);

    assertThat(metric(diffs, "latency.p99").current())
        .as("the metric leaves the warm-up out")
        .isEqualTo(0.016);
    assertThat(metric(diffs, "latency.p99").significant()).as("and so does its test").isFalse();
    assertThat(metric(diffs, "latency.max").significant()).isFalse();
  }

  @Test
  void severalBaselinesArePooledAndTheirSpreadSetsTheNoiseFloor() throws IOException {
    List<RunDirectory> baselines =
        List.of(
            written(
                new RunFixture(dir.resolve("a1"))
                    .completed(100_000)
                    .tasks(0, 100_000, 500, 300, true)),
            written(
                new RunFixture(dir.resolve("a2"))
                    .completed(100_000)
                    .tasks(0, 100_000, 500, 320, true)),
            written(
                new RunFixture(dir.resolve("a3"))
                    .completed(100_000)
                    .tasks(0, 100_000, 500, 340, true)));
    RunDirectory within =
        written(
            new RunFixture(dir.resolve("b")).completed(100_000).tasks(0, 100_000, 500, 380, true));
    RunDirectory beyond =
        written(
            new RunFixture(dir.resolve("c")).completed(100_000).tasks(0, 100_000, 500, 400, true));
    Baseline baseline = new Baseline(baselines, null);

    MetricDiff noisy = metric(RunDiff.compare(baseline, within, Tolerance.DEFAULT), "latency.p50");
    MetricDiff regressed =
        metric(RunDiff.compare(baseline, beyond, Tolerance.DEFAULT), "latency.p50");

    assertThat(noisy.baseline()).isCloseTo(0.32, within(1e-9));
    assertThat(noisy.floor().source()).isEqualTo("noise");
    assertThat(noisy.floor().noise())
        .as("3 × 20 ms × √(4/3)")
        .isCloseTo(3 * 0.02 * Math.sqrt(4.0 / 3), within(1e-9));
    assertThat(noisy.decision())
        .as("+60 ms on a spread of 20 ms")
        .isEqualTo(MetricDiff.Decision.WITHIN_FLOOR);
    assertThat(regressed.decision()).as("+80 ms").isEqualTo(MetricDiff.Decision.REGRESSION);
    assertThat(DiffTable.render(List.of(noisy), Tolerance.DEFAULT, 3))
        .contains("baseline (mean of 3)", "noise", "worse, within floor");
  }

  @Test
  void aRecordedNoiseProfileSetsTheFloorOfASingleBaseline() throws IOException {
    RunDirectory a =
        written(
            new RunFixture(dir.resolve("a")).completed(100_000).tasks(0, 100_000, 500, 300, true));
    RunDirectory b =
        written(
            new RunFixture(dir.resolve("b")).completed(100_000).tasks(0, 100_000, 500, 340, true));
    RunDirectory current =
        written(
            new RunFixture(dir.resolve("c")).completed(100_000).tasks(0, 100_000, 500, 360, true));
    Path file = dir.resolve("noise.json");
    new NoiseProfile(RunNoise.of(List.of(a, b))).write(file);

    NoiseProfile profile = NoiseProfile.read(file);
    MetricDiff without = metric(RunDiff.compare(a, current), "latency.p50");
    MetricDiff with =
        metric(
            RunDiff.compare(new Baseline(List.of(a), profile), current, Tolerance.DEFAULT),
            "latency.p50");

    assertThat(profile.spread("latency.p50").stdev()).isCloseTo(0.04 / Math.sqrt(2), within(1e-9));
    assertThat(without.decision()).as("+20%").isEqualTo(MetricDiff.Decision.REGRESSION);
    assertThat(with.floor().source()).isEqualTo("noise");
    assertThat(with.decision()).isEqualTo(MetricDiff.Decision.WITHIN_FLOOR);
  }

  @Test
  void passAtKRestatingPassHatKTakesOnePlaceInTheHolmFamilyButRatesThatMerelyAgreeDoNot() {
    List<String> rates = List.of("success_rate", "accuracy", "pass^k", "pass@k");
    RunSample base = rates(rates, 1.0);
    RunSample current = rates(rates, 0.9);

    List<MetricDiff> diffs =
        RunDiff.compare(List.of(base), current, Tolerance.DEFAULT, null, rates);

    assertThat(RunDiff.familySize(diffs)).isEqualTo(3);
    assertThat(metric(diffs, "pass@k").adjustedP()).isEqualTo(metric(diffs, "pass^k").adjustedP());
    assertThat(metric(diffs, "success_rate").adjustedP())
        .as("3 × p, the smallest of three places")
        .isCloseTo(3 * metric(diffs, "success_rate").pValue(), within(1e-12));
  }

  private static RunSample rates(List<String> names, double value) {
    java.util.Map<String, Double> metrics = new java.util.HashMap<>();
    java.util.Map<String, Long> samples = new java.util.HashMap<>();
    names.forEach(
        name -> {
          metrics.put(name, value);
          samples.put(name, 200L);
        });
    return new RunSample(metrics, samples, new long[0], new long[0]);
  }

  @Property
  void noiseSpreadMatchesBruteForce(
      @ForAll @Size(min = 1, max = 20) List<@DoubleRange(min = 0, max = 1) Double> xs) {
    double[] values = xs.stream().mapToDouble(Double::doubleValue).toArray();
    double mean = xs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    double ss = xs.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();

    RunNoise.Spread spread = RunNoise.spread("accuracy", values);

    assertThat(spread.mean()).isCloseTo(mean, within(1e-9));
    assertThat(spread.stdev())
        .isCloseTo(xs.size() < 2 ? 0 : Math.sqrt(ss / (xs.size() - 1)), within(1e-9));
    assertThat(spread.range())
        .isCloseTo(
            xs.stream().mapToDouble(Double::doubleValue).max().orElseThrow()
                - xs.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
            within(1e-12));
  }

  @Test
  void noiseOverRepeatedRunsGivesEachMetricsSpread() throws IOException {
    RunDirectory a =
        written(
            new RunFixture(dir.resolve("a")).completed(30_000).tasks(0, 30_000, 1_000, 300, true));
    RunDirectory b =
        written(
            new RunFixture(dir.resolve("b")).completed(30_000).tasks(0, 30_000, 1_000, 500, true));

    RunNoise.Spread p50 =
        RunNoise.of(List.of(a, b)).stream()
            .filter(s -> s.metric().equals("latency.p50"))
            .findFirst()
            .orElseThrow();

    assertThat(p50.runs()).isEqualTo(2);
    assertThat(p50.range()).isCloseTo(0.2, within(1e-9));
    assertThat(DiffTable.renderNoise(List.of(p50))).contains("latency.p50", "0.2");
  }
}
