package dev.gauntlet.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.reports.internal.VerdictJson;
import dev.gauntlet.run.RunDirectory;
import dev.gauntlet.scenario.SloSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SLOs relative to a baseline run fail only on a change beyond the allowance that is also significant. */
class BaselineSloTest {

  @TempDir Path dir;

  private RunDirectory baseline() throws IOException {
    RunFixture run =
        new RunFixture(dir.resolve("baseline"))
            .completed(100_000)
            .tasks(0, 100_000, 500, 300, true);
    Files.writeString(run.run.verdict(), VerdictJson.text(run.evaluate()));
    return run.run;
  }

  @Test
  void aSignificantDropBeyondTheAllowanceFails() throws IOException {
    RunDirectory baseline = baseline();
    RunFixture run =
        new RunFixture(dir.resolve("current"))
            .completed(100_000)
            .relativeSlo(new SloSpec("success_rate", SloSpec.Scope.WHOLE, null, null, 0.02, null))
            .tasks(0, 80_000, 500, 300, true)
            .tasks(80_000, 100_000, 500, 300, false);

    SloResult slo = run.evaluate(baseline).slos().get(0);

    assertThat(slo.status()).isEqualTo(Status.FAILED);
    assertThat(slo.message())
        .startsWith("success_rate was 0.800 against the baseline's 1.000 (-0.2, z-test p = ")
        .contains("floor 0.020 set by tolerance")
        .endsWith("must be at most 0.02 below the baseline");
  }

  @Test
  void aSlowerRunFailsItsLatencyRiseButASmallNoisyDropPasses() throws IOException {
    RunDirectory baseline = baseline();
    RunFixture run =
        new RunFixture(dir.resolve("current"))
            .completed(100_000)
            .relativeSlo(new SloSpec("success_rate", SloSpec.Scope.WHOLE, null, null, 0.0, null))
            .relativeSlo(new SloSpec("latency.p95", SloSpec.Scope.WHOLE, null, null, null, 0.1))
            .tasks(0, 99_500, 500, 400, true)
            .tasks(99_500, 100_000, 500, 400, false);

    Verdict verdict = run.evaluate(baseline);

    assertThat(verdict.slos().get(0).status())
        .as("1 failure in 200: beyond 0 but one task's worth")
        .isEqualTo(Status.PASSED);
    assertThat(verdict.slos().get(0).message())
        .contains("floor 0.005 set by resolution")
        .endsWith("beyond the allowance but within the resolution floor");
    assertThat(verdict.slos().get(1).status())
        .as("300 ms to 400 ms on every task")
        .isEqualTo(Status.FAILED);
  }

  @Test
  void aDropWithinTheRunToRunNoiseOfSeveralBaselinesPasses() throws IOException {
    RunFixture a =
        new RunFixture(dir.resolve("a")).completed(100_000).tasks(0, 100_000, 500, 300, true);
    RunFixture b =
        new RunFixture(dir.resolve("b"))
            .completed(100_000)
            .tasks(0, 90_000, 500, 300, true)
            .tasks(90_000, 100_000, 500, 300, false);
    Files.writeString(a.run.verdict(), VerdictJson.text(a.evaluate()));
    Files.writeString(b.run.verdict(), VerdictJson.text(b.evaluate()));
    RunFixture run =
        new RunFixture(dir.resolve("current"))
            .completed(100_000)
            .relativeSlo(new SloSpec("success_rate", SloSpec.Scope.WHOLE, null, null, 0.02, null))
            .tasks(0, 85_000, 500, 300, true)
            .tasks(85_000, 100_000, 500, 300, false);

    SloResult one = run.evaluate(a.run).slos().get(0);
    SloResult two =
        Evaluator.evaluate(
                run.scenario(),
                RunFixture.dataset(),
                run.run,
                new Baseline(List.of(a.run, b.run), null))
            .slos()
            .get(0);

    assertThat(one.status()).as("0.85 against 1.0").isEqualTo(Status.FAILED);
    assertThat(two.status())
        .as("0.85 against 1.0 and 0.9: 3 stdev of their spread is 0.26")
        .isEqualTo(Status.PASSED);
    assertThat(two.message())
        .contains("against the mean of 2 baseline runs, 0.950", "set by noise");
  }

  @Test
  void withoutABaselineARelativeSloIsUnresolved() {
    RunFixture run =
        new RunFixture(dir)
            .completed(100_000)
            .relativeSlo(new SloSpec("accuracy", SloSpec.Scope.WHOLE, null, null, 0.02, null))
            .tasks(0, 100_000, 500, 300, true);

    SloResult slo = run.evaluate().slos().get(0);

    assertThat(slo.status()).isEqualTo(Status.UNRESOLVED);
    assertThat(slo.message()).contains("none was given (--baseline RUN_DIR)");
  }
}
