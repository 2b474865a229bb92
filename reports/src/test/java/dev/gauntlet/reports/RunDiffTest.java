package dev.gauntlet.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gauntlet.reports.internal.VerdictJson;
import dev.gauntlet.run.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDiffTest {

  @TempDir
  Path dir;

  private static RunDirectory written(RunFixture run) throws IOException {
    Files.writeString(run.run.verdict(), VerdictJson.text(run.evaluate()));
    return run.run;
  }

  private static MetricDiff metric(List<MetricDiff> diffs, String name) {
    return diffs.stream().filter(d -> d.metric().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void aRunThatFailsFarMoreOftenIsASignificantRegression() throws IOException {
    RunDirectory baseline = written(new RunFixture(dir.resolve("a")).completed(200_000)
        .tasks(0, 200_000, 500, 300, true));
    RunDirectory current = written(new RunFixture(dir.resolve("b")).completed(200_000)
        .tasks(0, 150_000, 500, 300, true).tasks(150_000, 200_000, 500, 300, false));

    List<MetricDiff> diffs = RunDiff.compare(baseline, current);

    MetricDiff success = metric(diffs, "success_rate");
    assertThat(success.delta()).isCloseTo(-0.25, within(1e-9));
    assertThat(success.significant()).isTrue();
    assertThat(success.regression(0.02, 0.1)).isTrue();
    assertThat(metric(diffs, "latency.p95").significant()).as("same latencies").isFalse();
  }

  @Test
  void aSmallDropOnFewTasksIsNoise() throws IOException {
    RunDirectory baseline = written(new RunFixture(dir.resolve("a")).completed(30_000)
        .tasks(0, 30_000, 1_000, 300, true));
    RunDirectory current = written(new RunFixture(dir.resolve("b")).completed(30_000)
        .tasks(0, 29_000, 1_000, 300, true).tasks(29_000, 30_000, 1_000, 300, false));

    MetricDiff success = metric(RunDiff.compare(baseline, current), "success_rate");

    assertThat(success.delta()).isNegative();
    assertThat(success.significant()).as("1 failure in 30 against none").isFalse();
    assertThat(success.regression(0.02, 0.1)).isFalse();
  }

  @Test
  void slowerLatenciesAreSignificantAndARegressionBeyondTheAllowedRise() throws IOException {
    RunDirectory baseline = written(new RunFixture(dir.resolve("a")).completed(100_000)
        .tasks(0, 100_000, 500, 300, true));
    RunDirectory current = written(new RunFixture(dir.resolve("b")).completed(100_000)
        .tasks(0, 100_000, 500, 400, true));

    MetricDiff p95 = metric(RunDiff.compare(baseline, current), "latency.p95");

    assertThat(p95.test()).isEqualTo("Mann-Whitney");
    assertThat(p95.regression(0.02, 0.1)).as("+33%").isTrue();
    assertThat(p95.regression(0.02, 0.5)).as("within a 50% allowance").isFalse();
  }

  @Property
  void noiseSpreadMatchesBruteForce(@ForAll @Size(min = 1, max = 20) List<@DoubleRange(min = 0, max = 1) Double> xs) {
    double[] values = xs.stream().mapToDouble(Double::doubleValue).toArray();
    double mean = xs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    double ss = xs.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();

    RunNoise.Spread spread = RunNoise.spread("accuracy", values);

    assertThat(spread.mean()).isCloseTo(mean, within(1e-9));
    assertThat(spread.stdev()).isCloseTo(xs.size() < 2 ? 0 : Math.sqrt(ss / (xs.size() - 1)), within(1e-9));
    assertThat(spread.range()).isCloseTo(
        xs.stream().mapToDouble(Double::doubleValue).max().orElseThrow()
            - xs.stream().mapToDouble(Double::doubleValue).min().orElseThrow(), within(1e-12));
  }

  @Test
  void noiseOverRepeatedRunsGivesEachMetricsSpread() throws IOException {
    RunDirectory a = written(new RunFixture(dir.resolve("a")).completed(30_000).tasks(0, 30_000, 1_000, 300, true));
    RunDirectory b = written(new RunFixture(dir.resolve("b")).completed(30_000).tasks(0, 30_000, 1_000, 500, true));

    RunNoise.Spread p50 = RunNoise.of(List.of(a, b)).stream().filter(s -> s.metric().equals("latency.p50"))
        .findFirst().orElseThrow();

    assertThat(p50.runs()).isEqualTo(2);
    assertThat(p50.range()).isCloseTo(0.2, within(1e-9));
    assertThat(DiffTable.renderNoise(List.of(p50))).contains("latency.p50", "0.2");
  }
}
