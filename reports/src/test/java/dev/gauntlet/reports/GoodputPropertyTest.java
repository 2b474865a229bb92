package dev.gauntlet.reports;

import static dev.gauntlet.reports.RunFixture.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gauntlet.run.TaskRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Goodput through the evaluator against a count over the same tasks: correct, fast enough, cheap enough, per minute. */
class GoodputPropertyTest {

  /** One task, started a second after the one before it. */
  record Task(boolean succeeded, boolean correct, long latencyMs, double costUsd) {}

  @Property(tries = 100)
  void matchesBruteForce(
      @ForAll("tasks") List<Task> tasks,
      @ForAll("latencyLimits") double p95Max,
      @ForAll("costCaps") double costCap)
      throws IOException {
    Path dir = Files.createTempDirectory("goodput");
    RunFixture run =
        new RunFixture(dir)
            .completed(tasks.size() * 1_000L)
            .slo("latency.p95", null, p95Max)
            .slo("cost.per_task", null, costCap);
    long good = 0;
    for (int i = 0; i < tasks.size(); i++) {
      Task t = tasks.get(i);
      String id = "t" + i;
      run.record(
          new TaskRecord(
              id,
              "france",
              0,
              START + i * 1_000L,
              t.latencyMs(),
              t.succeeded() ? 200 : 503,
              t.succeeded() ? (t.correct() ? "Paris" : "Lyon") : null,
              t.succeeded() ? null : "503",
              List.of()));
      run.ledger(i * 1_000L, id, t.costUsd());
      good +=
          t.succeeded() && t.correct() && t.latencyMs() <= p95Max * 1000 && t.costUsd() <= costCap
              ? 1
              : 0;
    }
    // n arrivals one second apart: the achieved-rate span, (n − 1) s × n ÷ (n − 1) = n s.
    double minutes = tasks.size() / 60.0;

    Double goodput = run.evaluate().metrics().get("goodput");

    assertThat(goodput).isCloseTo(good / minutes, within(1e-9));
  }

  @Provide
  Arbitrary<List<Task>> tasks() {
    return Combinators.combine(
            Arbitraries.of(true, true, true, false),
            Arbitraries.of(true, true, false),
            Arbitraries.longs().between(0, 3_000),
            Arbitraries.of(0.0, 0.001, 0.005, 0.01, 0.02))
        .as(Task::new)
        .list()
        .ofMinSize(2)
        .ofMaxSize(40);
  }

  @Provide
  Arbitrary<Double> latencyLimits() {
    return Arbitraries.of(0.5, 1.0, 1.5, 2.999);
  }

  @Provide
  Arbitrary<Double> costCaps() {
    return Arbitraries.of(0.0, 0.005, 0.015);
  }
}
