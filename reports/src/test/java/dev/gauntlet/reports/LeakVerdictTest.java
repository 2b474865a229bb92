package dev.gauntlet.reports;

import static dev.gauntlet.reports.RunFixture.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gauntlet.reports.internal.html.HtmlReport;
import dev.gauntlet.run.Json;
import dev.gauntlet.run.MemorySample;
import dev.gauntlet.run.TimelineEvent;
import dev.gauntlet.scenario.SloSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The leak SLOs over a synthetic run directory: a self-hosted server leaking a known 180 MB per inference, with
 * noise and two restarts, and the timeline of a gpu_leak window and the restarts that ended it.
 */
class LeakVerdictTest {

  static final double RATE_MB = 180;
  static final double TOTAL_MB = 81_920;
  static final double BASELINE_MB = 57_344;

  @TempDir Path dir;

  /**
   * One sample a second for {@code seconds}, 2–6 inferences a second, 180 MB each plus Gaussian noise of 150 MB;
   * restarts at 20 s and 40 s put memory back to the baseline. Seeded, so every run of the test sees the same data.
   */
  static List<MemorySample> leakingServer(int seconds, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<MemorySample> samples = new ArrayList<>();
    long inferences = 0;
    long sinceRestart = 0;
    int restarts = 0;
    for (int s = 0; s < seconds; s++) {
      if (s == 20 || s == 40) {
        restarts++;
        sinceRestart = 0;
      }
      long served = 2 + random.nextInt(5);
      inferences += served;
      sinceRestart += served;
      double noise =
          150
              * Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
              * Math.cos(2 * Math.PI * random.nextDouble());
      samples.add(
          new MemorySample(
              START + 1_000L * s,
              "local",
              BASELINE_MB + RATE_MB * sinceRestart + noise,
              TOTAL_MB,
              inferences,
              restarts));
    }
    return samples;
  }

  private RunFixture leakRun(SloSpec... slos) {
    RunFixture run =
        new RunFixture(dir)
            .completed(60_000)
            .tasks(0, 60_000, 500, 200, true)
            .memory(leakingServer(60, 7));
    for (SloSpec slo : slos) {
      run.relativeSlo(slo);
    }
    return run;
  }

  private static SloResult slo(Verdict verdict, String name) {
    return verdict.slos().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  private static SloSpec leakRate(Double max) {
    return new SloSpec("leak_rate", SloSpec.Scope.WHOLE, null, max);
  }

  @Test
  void recoversTheKnownLeakRateWithinItsIntervalAcrossRestarts() {
    Verdict verdict = leakRun().evaluate();

    double rate = verdict.metrics().get("leak_rate");
    assertThat(rate).isCloseTo(RATE_MB, within(5.0));
    assertThat(verdict.metrics().get("leak_rate.ci_low"))
        .isLessThanOrEqualTo(RATE_MB)
        .isGreaterThan(150);
    assertThat(verdict.metrics().get("leak_rate.ci_high"))
        .isGreaterThanOrEqualTo(RATE_MB)
        .isLessThan(210);
    assertThat(verdict.samples()).containsEntry("leak_rate", 60L);
  }

  @Test
  void aLeakWhoseWholeIntervalIsAboveTheBoundFailsWithItsIntervalShown() {
    Verdict verdict = leakRun(leakRate(1.0)).evaluate();

    SloResult leak = slo(verdict, "leak_rate");
    assertThat(leak.status()).isEqualTo(Status.FAILED);
    assertThat(verdict.exitCode()).isEqualTo(2);
    assertThat(leak.interval()).isNotNull();
    assertThat(leak.interval().low()).isGreaterThan(1.0);
    assertThat(leak.message())
        .matches(
            "leak_rate was 1[78]\\d\\.\\d+ MB/inference \\(95% CI \\[\\d+\\.\\d+, "
                + "\\d+\\.\\d+\\]; local, 60 samples, 2 restarts\\), must be <= 1 MB/inference");
    assertThat(leak.measuredText()).contains("MB/inference (95% CI [");
    assertThat(ConsoleTable.render(verdict))
        .contains("leak_rate")
        .contains("95% CI [")
        .contains("FAILED");
  }

  @Test
  void aBoundAboveTheWholeIntervalPassesAndOneInsideItIsUnresolved() {
    Verdict verdict = leakRun(leakRate(500.0), leakRate(RATE_MB)).evaluate();

    assertThat(verdict.slos().get(0).status()).isEqualTo(Status.PASSED);
    SloResult inside = verdict.slos().get(1);
    assertThat(inside.status()).as(inside.message()).isEqualTo(Status.UNRESOLVED);
    assertThat(inside.message()).contains("reaches both sides of <= 180 MB/inference");
    assertThat(verdict.exitCode()).isEqualTo(3);
  }

  @Test
  void tooFewSamplesOrNoMemoryFileLeaveTheSloUnresolved() {
    RunFixture few =
        new RunFixture(dir.resolve("few"))
            .completed(60_000)
            .tasks(0, 60_000, 500, 200, true)
            .memory(leakingServer(12, 7))
            .relativeSlo(leakRate(1.0));
    SloResult leak = few.evaluate().slos().get(0);
    assertThat(leak.status()).isEqualTo(Status.UNRESOLVED);
    assertThat(leak.message())
        .isEqualTo(
            "leak_rate could not be judged: 12 memory samples of local behind it, "
                + "needs at least 20 (evaluation.min_samples)");

    RunFixture none =
        new RunFixture(dir.resolve("none"))
            .completed(60_000)
            .tasks(0, 60_000, 500, 200, true)
            .relativeSlo(leakRate(1.0));
    Verdict verdict = none.evaluate();
    assertThat(verdict.slos().get(0).status()).isEqualTo(Status.UNRESOLVED);
    assertThat(verdict.slos().get(0).message())
        .startsWith("leak_rate could not be measured: memory.jsonl is missing");
    assertThat(verdict.metrics().get("leak_rate")).isNull();
  }

  @Test
  void detectionTimeRunsFromTheLeakWindowToTheFirstRestartOfItsProvider() {
    RunFixture run =
        new RunFixture(dir)
            .completed(90_000)
            .tasks(0, 90_000, 500, 200, true)
            .relativeSlo(new SloSpec("leak.detection_time", SloSpec.Scope.WHOLE, null, 30.0))
            .relativeSlo(new SloSpec("leak.detection_time", SloSpec.Scope.WHOLE, null, 20.0))
            .event(
                new TimelineEvent(START + 10_000, "other-restart", "server", "restart", "fallback"))
            .event(
                new TimelineEvent(
                    START + 20_000, "vram-leak", "gpu_leak", TimelineEvent.ON, "local"))
            .event(new TimelineEvent(START + 47_500, "local", "server", "restart", "local"))
            .event(new TimelineEvent(START + 62_500, "local", "server", "ready", "local"))
            .event(new TimelineEvent(START + 70_000, "local", "server", "restart", "local"))
            .event(
                new TimelineEvent(
                    START + 80_000, "vram-leak", "gpu_leak", TimelineEvent.OFF, "local"));

    Verdict verdict = run.evaluate();

    assertThat(verdict.metrics().get("leak.detection_time")).isEqualTo(27.5);
    assertThat(verdict.slos().get(0).status()).isEqualTo(Status.PASSED);
    assertThat(verdict.slos().get(0).message())
        .isEqualTo("leak.detection_time was 27.5 s (worst: vram-leak), must be <= 30 s");
    assertThat(verdict.slos().get(1).status()).isEqualTo(Status.FAILED);
    assertThat(verdict.faultWindows())
        .extracting(FaultWindowResult::kind)
        .containsExactly("gpu_leak");
  }

  @Test
  void aLeakNeverRestartedFailsOnceItWentUndetectedLongerThanAllowedAndIsUnresolvedBefore() {
    RunFixture run =
        new RunFixture(dir)
            .completed(90_000)
            .tasks(0, 90_000, 500, 200, true)
            .relativeSlo(new SloSpec("leak.detection_time", SloSpec.Scope.WHOLE, null, 30.0))
            .relativeSlo(new SloSpec("leak.detection_time", SloSpec.Scope.WHOLE, null, 120.0))
            .event(
                new TimelineEvent(
                    START + 20_000, "vram-leak", "gpu_leak", TimelineEvent.ON, "local"));

    Verdict verdict = run.evaluate();

    assertThat(verdict.metrics().get("leak.detection_time")).isNull();
    SloResult failed = verdict.slos().get(0);
    assertThat(failed.status()).isEqualTo(Status.FAILED);
    assertThat(failed.lowerBound()).isTrue();
    assertThat(failed.measuredText()).isEqualTo("≥ 70 s");
    assertThat(failed.message())
        .isEqualTo(
            "leak.detection_time was ≥ 70 s (vram-leak had no restart of local 70 s "
                + "after it started, when the data ended), must be <= 30 s");
    assertThat(verdict.slos().get(1).status()).isEqualTo(Status.UNRESOLVED);
  }

  @Test
  void everyReportShowsTheLeakRateWithItsInterval() throws Exception {
    RunFixture run =
        leakRun(leakRate(1.0))
            .event(
                new TimelineEvent(
                    START + 5_000, "vram-leak", "gpu_leak", TimelineEvent.ON, "local"))
            .event(new TimelineEvent(START + 19_900, "local", "server", "restart", "local"));
    Verdict verdict = run.evaluate();
    ReportWriter.writeAll(verdict, RunFixture.dataset(), run.run);

    JsonNode json = Json.mapper().readTree(run.run.verdict().toFile());
    JsonNode leak = json.get("slos").get(0);
    assertThat(leak.get("ci_low").asDouble()).isLessThan(leak.get("measured").asDouble());
    assertThat(leak.get("ci_high").asDouble()).isGreaterThan(leak.get("measured").asDouble());
    assertThat(json.at("/metrics/leak.detection_time").asDouble()).isCloseTo(14.9, within(1e-9));
    assertThat(Files.readString(run.run.summary()))
        .contains("| leak_rate | &lt;= 1 MB/inference | 1")
        .contains("95% CI [");
    assertThat(Files.readString(run.run.junit()))
        .contains("name=\"leak_rate\"")
        .contains("type=\"SloFailed\"")
        .contains("95% CI [")
        .contains("above the maximum");

    String html = Files.readString(ReportWriter.report(run.run));
    assertThat(html).contains("id=\"" + HtmlReport.MEMORY_CHART + "\"").contains("95% CI [");
    JsonNode memory = chartData(html).get("memory");
    JsonNode local = memory.get("sources").get(0);
    assertThat(local.get("source").asText()).isEqualTo("local");
    assertThat(local.get("t")).hasSize(60);
    assertThat(local.get("used_mb").get(0).asDouble()).isCloseTo(BASELINE_MB, within(2_000.0));
    assertThat(local.get("total_mb").get(59).asDouble()).isEqualTo(TOTAL_MB);
    assertThat(local.get("restarts_s").toString()).isEqualTo("[20.0,40.0]");
    assertThat(local.at("/fit/mb_per_inference").asDouble()).isCloseTo(RATE_MB, within(5.0));
    assertThat(local.at("/fit/restarts").asInt()).isEqualTo(2);
    assertThat(local.at("/fit_during_faults/mb_per_inference").asDouble())
        .as("the samples inside the window")
        .isCloseTo(RATE_MB, within(5.0));
    assertThat(local.at("/fit_during_faults/samples").asInt()).isEqualTo(55);
  }

  @Test
  void aRunWithoutMemoryHasNoMemoryChart() throws Exception {
    RunFixture run = new RunFixture(dir).completed(30_000).tasks(0, 30_000, 500, 200, true);
    ReportWriter.writeAll(run.evaluate(), RunFixture.dataset(), run.run);

    String html = Files.readString(ReportWriter.report(run.run));
    assertThat(html).doesNotContain("id=\"" + HtmlReport.MEMORY_CHART + "\"");
    assertThat(chartData(html).get("memory").isNull()).isTrue();
  }

  @Test
  void theMemoryChartDrawsInABrowser() throws Exception {
    Chromium chromium = Chromium.require();
    RunFixture run =
        leakRun(leakRate(1.0), new SloSpec("success_rate", SloSpec.Scope.WHOLE, 0.95, null))
            .event(
                new TimelineEvent(
                    START + 5_000, "vram-leak", "gpu_leak", TimelineEvent.ON, "local"))
            .event(new TimelineEvent(START + 19_900, "local", "server", "restart", "local"))
            .event(
                new TimelineEvent(
                    START + 55_000, "vram-leak", "gpu_leak", TimelineEvent.OFF, "local"));
    ReportWriter.writeAll(run.evaluate(), RunFixture.dataset(), run.run);
    Path page = ReportWriter.report(run.run);

    String dom = chromium.dumpDom(page);

    assertThat(dom)
        .containsPattern("id=\"" + HtmlReport.MEMORY_CHART + "\"[^>]*>\\s*<div[^>]*>\\s*<svg");
    assertThat(dom).contains("local · 1").contains("MB/inference (95% CI");
    chromium.screenshot(page, Path.of("target", "report-screenshots", "gpu_leak.png"), 1400, 2400);
  }

  private static JsonNode chartData(String html) throws Exception {
    Matcher m =
        Pattern.compile("(?s)<script type=\"application/json\" id=\"gauntlet-data\">(.*?)</script>")
            .matcher(html);
    assertThat(m.find()).isTrue();
    return Json.mapper().readTree(m.group(1));
  }
}
