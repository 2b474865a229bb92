package dev.gauntlet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.engine.ExitCodes;
import dev.gauntlet.run.Json;
import dev.gauntlet.run.JsonLinesWriter;
import dev.gauntlet.run.RunDirectory;
import dev.gauntlet.run.RunInfo;
import dev.gauntlet.run.TaskRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gauntlet diff BASELINE_RUN RUN} and {@code gauntlet diff --noise RUN…} on run directories that
 * {@code gauntlet report} evaluated, and {@code gauntlet report --baseline} with a relative SLO.
 */
class DiffCommandTest {

  private static final Path HOME = Path.of(System.getProperty("gauntlet.home", ".."));
  private static final long START = 1_700_000_000_000L;
  private static final String RIGHT =
      "Order A14327 was cancelled on 2025-03-07; the total of 427.97 USD was refunded "
          + "to original payment method.";

  /** A 40 s run of provider-outage, 10 tasks a second, {@code failEvery}-th task failing (0: none). */
  private static Path run(Path dir, int failEvery, long latencyMs, String scenario)
      throws IOException {
    RunDirectory run = RunDirectory.create(dir);
    Files.writeString(run.scenario(), scenario);
    Json.mapper()
        .writeValue(
            run.runInfo().toFile(),
            new RunInfo(
                "provider-outage",
                7,
                "naive",
                START,
                START + 40_000,
                600,
                RunInfo.COMPLETED,
                null));
    try (JsonLinesWriter<TaskRecord> records = JsonLinesWriter.append(run.records())) {
      for (int i = 0; i < 400; i++) {
        boolean fail = failEvery > 0 && i % failEvery == 0;
        records.write(
            new TaskRecord(
                "t" + i,
                "cs-0029",
                0,
                START + i * 100L,
                latencyMs,
                fail ? 502 : 200,
                fail ? null : RIGHT,
                fail ? "provider returned 502" : null,
                List.of("lookup_order")));
      }
    }
    assertThat(Console.run("report", dir.toString()).exitCode())
        .isNotEqualTo(ExitCodes.HARNESS_FAILED);
    return dir;
  }

  private static String scenario() throws IOException {
    return Files.readString(HOME.resolve("scenarios/provider-outage.yaml"));
  }

  @Test
  void aSignificantRegressionExitsTwoAndNoiseDoesNot(@TempDir Path dir) throws IOException {
    Path baseline = run(dir.resolve("baseline"), 0, 100, scenario());
    Path same = run(dir.resolve("same"), 200, 100, scenario());
    Path worse = run(dir.resolve("worse"), 4, 100, scenario());

    Console noisy = Console.run("diff", baseline.toString(), same.toString());
    Console regressed = Console.run("diff", baseline.toString(), worse.toString());

    assertThat(noisy.exitCode()).as(noisy.out() + noisy.err()).isEqualTo(ExitCodes.PASSED);
    assertThat(noisy.out()).contains("diff: no significant regression");
    assertThat(regressed.exitCode())
        .as(regressed.out() + regressed.err())
        .isEqualTo(ExitCodes.SLO_FAILED);
    assertThat(regressed.out())
        .containsPattern("success_rate +1\\.000 +0\\.750 +-0\\.25 \\(-25\\.0%\\) +z-test")
        .contains("REGRESSION")
        .contains("diff: significant regression in success_rate");
  }

  @Test
  void noiseGivesEachMetricsSpreadOverTheRuns(@TempDir Path dir) throws IOException {
    Path a = run(dir.resolve("a"), 0, 100, scenario());
    Path b = run(dir.resolve("b"), 0, 300, scenario());

    Console console = Console.run("diff", "--noise", a.toString(), b.toString());

    assertThat(console.exitCode()).isEqualTo(ExitCodes.PASSED);
    assertThat(console.out())
        .containsPattern("latency.p50 +2 +0\\.2 s +0\\.141421 +0\\.1 s +0\\.3 s +0\\.2");
  }

  @Test
  void severalBaselinesOrARecordedNoiseProfileSetTheNoiseFloor(@TempDir Path dir)
      throws IOException {
    Path a = run(dir.resolve("a"), 0, 100, scenario());
    Path b = run(dir.resolve("b"), 0, 140, scenario());
    Path current = run(dir.resolve("current"), 0, 130, scenario());
    Path profile = dir.resolve("noise.json");

    Console one = Console.run("diff", a.toString(), current.toString());
    Console two =
        Console.run(
            "diff", "--baseline", a.toString(), "--baseline", b.toString(), current.toString());
    Console positional = Console.run("diff", a.toString(), b.toString(), current.toString());
    Console saved =
        Console.run("diff", "--noise", a.toString(), b.toString(), "--save", profile.toString());
    Console recorded =
        Console.run(
            "diff", a.toString(), current.toString(), "--noise-profile", profile.toString());
    Console alone = Console.run("diff", current.toString());

    assertThat(one.exitCode()).as(one.out()).isEqualTo(ExitCodes.SLO_FAILED);
    assertThat(one.out())
        .containsPattern(
            "latency.p50 +0\\.1 s +0\\.13 s +\\+0\\.03 \\(\\+30\\.0%\\) +quantile .* "
                + "0\\.01 s +tolerance +REGRESSION");
    assertThat(two.exitCode()).as(two.out() + two.err()).isEqualTo(ExitCodes.PASSED);
    assertThat(two.out())
        .contains("baseline (mean of 2)")
        .containsPattern(
            "latency.p50 +0\\.12 s +0\\.13 s +\\+0\\.01 "
                + "\\(\\+8\\.3%\\) +quantile .* 0\\.104 s +noise +noise");
    assertThat(positional.out()).isEqualTo(two.out());
    assertThat(saved.exitCode()).isEqualTo(ExitCodes.PASSED);
    assertThat(Files.readString(profile)).contains("\"latency.p50\"");
    assertThat(recorded.exitCode()).as(recorded.out() + recorded.err()).isEqualTo(ExitCodes.PASSED);
    assertThat(recorded.out()).containsPattern("latency.p50 .* noise +worse, within floor");
    assertThat(alone.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(alone.err())
        .contains("must be BASELINE_RUN… RUN, or one RUN with --baseline, but was 1");
  }

  @Test
  void reportJudgesRelativeSlosAgainstTheBaseline(@TempDir Path dir) throws IOException {
    String relative =
        scenario()
            .replaceFirst("(?m)^slos:\\n", "slos:\n  - metric: success_rate\n    max_drop: 0.02\n");
    Path baseline = run(dir.resolve("baseline"), 0, 100, relative);
    Path worse = run(dir.resolve("worse"), 4, 100, relative);

    Console without = Console.run("report", worse.toString());
    Console with = Console.run("report", worse.toString(), "--baseline", baseline.toString());

    assertThat(without.out())
        .containsPattern("success_rate +at most 0\\.02 below the baseline +0\\.750 +UNRESOLVED");
    assertThat(Files.readString(worse.resolve("verdict.json"))).contains("\"max_drop\" : 0.02");
    assertThat(with.out())
        .containsPattern("success_rate +at most 0\\.02 below the baseline +0\\.750 +FAILED");
  }
}
