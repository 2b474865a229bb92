package dev.gauntlet.reports;

import static dev.gauntlet.reports.RunFixture.START;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.run.JsonLinesWriter;
import dev.gauntlet.run.LedgerEntry;
import dev.gauntlet.run.TaskRecord;
import dev.gauntlet.scenario.Evaluation;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.LongPredicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every metric of every fault window's phases and of every time bucket, through the evaluator and series.jsonl's
 * source, against a recomputation from the raw tasks and ledger entries: the formulas written out again, the
 * segments chosen again by start time (tasks) and timestamp (ledger entries).
 */
class SegmentMetricsPropertyTest {

  private static final long RUN_MS = 180_000;
  private static final double TARGET_RATE = 60;
  private static final double Z = 1.959963984540054;

  private Rule goodRule;

  /** One task and the ledger entries it caused. */
  record Task(
      long startMs,
      boolean succeeded,
      boolean correct,
      long latencyMs,
      Long ttftMs,
      List<Call> calls) {}

  /** One ledger entry, {@code afterMs} after its task started. */
  record Call(long afterMs, double costUsd, boolean hallucinatedTool) {}

  /** A fault switched on at {@code onMs} and off at {@code offMs}, or never off when -1 (closed at the run's end). */
  record Fault(long onMs, long offMs) {}

  /**
   * Goodput's rule: a latency.p95 SLO's max and a cost.per_task SLO's max, each absent when null. A cost cap makes
   * the evaluator read the ledger before the records, the other path through it.
   */
  record Rule(Double latencyMaxS, Double costCapUsd) {

    boolean good(Task t) {
      double cost = t.calls().stream().mapToDouble(Call::costUsd).sum();
      return t.succeeded()
          && t.correct()
          && (latencyMaxS == null || t.latencyMs() <= latencyMaxS * 1000)
          && (costCapUsd == null || cost <= costCapUsd);
    }
  }

  @Property(tries = 80)
  void everySegmentMatchesARecomputation(
      @ForAll("tasks") List<Task> tasks,
      @ForAll("faults") List<Fault> faults,
      @ForAll("buckets") int bucketSeconds,
      @ForAll("rules") Rule rule)
      throws IOException {
    RunFixture run =
        new RunFixture(Files.createTempDirectory("segments"))
            .runInfo(RUN_MS, TARGET_RATE, "completed", null)
            .evaluation(
                new Evaluation(Duration.ofSeconds(bucketSeconds), Duration.ofSeconds(30), 20));
    if (rule.latencyMaxS() != null) {
      run.slo("latency.p95", null, rule.latencyMaxS());
    }
    if (rule.costCapUsd() != null) {
      run.slo("cost.per_task", null, rule.costCapUsd());
    }
    goodRule = rule;
    write(run, tasks, faults);

    Verdict verdict = run.evaluate();
    faults = faults.stream().sorted(java.util.Comparator.comparingLong(Fault::onMs)).toList();

    assertThat(verdict.faultWindows()).hasSize(faults.size());
    for (int i = 0; i < faults.size(); i++) {
      FaultWindowResult window = verdict.faultWindows().get(i);
      long on = faults.get(i).onMs();
      long off = faults.get(i).offMs() < 0 ? RUN_MS : faults.get(i).offMs();
      assertMatches(
          "window " + i + " before", window.before(), expected(tasks, t -> t < on, on), 3);
      assertMatches(
          "window " + i + " during",
          window.during(),
          expected(tasks, t -> t >= on && t < off, off - on),
          3);
      assertMatches(
          "window " + i + " after",
          window.after(),
          expected(tasks, t -> t >= off, RUN_MS - off),
          3);
    }
    long width = Math.max(10, bucketSeconds) * 1_000L;
    TreeSet<Long> used = new TreeSet<>();
    tasks.forEach(
        t -> {
          used.add(Math.floorDiv(t.startMs(), width));
          t.calls().forEach(c -> used.add(Math.floorDiv(t.startMs() + c.afterMs(), width)));
        });
    List<TimeBucket> series = verdict.series();
    assertThat(series)
        .as("buckets from the first used to the last")
        .hasSize(used.isEmpty() ? 0 : (int) (used.last() - used.first() + 1));
    for (TimeBucket bucket : series) {
      long from = bucket.startMs() - START;
      long to = bucket.endMs() - START;
      assertThat(to - from).isEqualTo(width);
      long span = Math.min(to, RUN_MS) - Math.max(from, 0);
      Map<String, Double> expected = expected(tasks, t -> t >= from && t < to, span);
      assertThat(bucket.tasks())
          .as("tasks in bucket at %d ms", from)
          .isEqualTo(tasks.stream().filter(t -> t.startMs() >= from && t.startMs() < to).count());
      assertMatches("bucket at " + from + " ms", bucket.metrics(), expected, 2);
    }
  }

  private void assertMatches(
      String where, FaultWindowResult.Phase phase, Map<String, Double> expected, int digits) {
    assertMatches(where, phase.metrics(), expected, digits);
    assertThat(phase.successRate())
        .as(where + " success_rate_* key")
        .isEqualTo(phase.metrics().get("success_rate"));
  }

  private void assertMatches(
      String where, Map<String, Double> actual, Map<String, Double> expected, int digits) {
    assertThat(actual.keySet())
        .as(where + " keys")
        .containsExactlyElementsOf(Evaluator.SEGMENT_METRICS);
    for (String metric : Evaluator.SEGMENT_METRICS) {
      Double want = expected.get(metric);
      Double got = actual.get(metric);
      if (want == null || got == null) {
        assertThat(got).as("%s %s (expected %s)", where, metric, want).isEqualTo(want);
      } else if (metric.startsWith("latency.p") || metric.startsWith("ttft.")) {
        // A histogram of d significant digits answers the bucket's highest value: never below, at
        // most 10^-d above.
        assertThat(got * 1000)
            .as("%s %s", where, metric)
            .isBetween(want * 1000 - 1e-6, want * 1000 * (1 + Math.pow(10, -digits)) + 1);
      } else {
        assertThat(got)
            .as("%s %s", where, metric)
            .isCloseTo(
                want, org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, Math.abs(want))));
      }
    }
  }

  /**
   * The metrics over the tasks that {@code starts} selects by start offset and the ledger entries it selects by
   * timestamp offset, in a segment spanning {@code spanMs} (none when not positive).
   */
  private Map<String, Double> expected(List<Task> all, LongPredicate starts, long spanMs) {
    List<Task> tasks = all.stream().filter(t -> starts.test(t.startMs())).toList();
    List<Call> calls = new ArrayList<>();
    all.forEach(
        t ->
            t.calls().stream()
                .filter(c -> starts.test(t.startMs() + c.afterMs()))
                .forEach(calls::add));
    boolean ledger = all.stream().anyMatch(t -> !t.calls().isEmpty());
    List<Task> ok = tasks.stream().filter(Task::succeeded).toList();
    long correct = ok.stream().filter(Task::correct).count();
    List<Long> latencies = ok.stream().map(Task::latencyMs).sorted().toList();
    List<Long> ttfts = ok.stream().map(Task::ttftMs).filter(v -> v != null).sorted().toList();
    double cost = calls.stream().mapToDouble(Call::costUsd).sum();
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("success_rate", tasks.isEmpty() ? null : (double) ok.size() / tasks.size());
    m.put("accuracy", ok.isEmpty() ? null : (double) correct / ok.size());
    m.put("accuracy.ci_low", ok.isEmpty() ? null : wilson(correct, ok.size(), -1));
    m.put("accuracy.ci_high", ok.isEmpty() ? null : wilson(correct, ok.size(), 1));
    m.put(
        "goodput",
        spanMs <= 0 ? null : tasks.stream().filter(goodRule::good).count() / (spanMs / 60_000.0));
    m.put("latency.p50", rank(latencies, 50));
    m.put("latency.p95", rank(latencies, 95));
    m.put("latency.p99", rank(latencies, 99));
    m.put("latency.max", latencies.isEmpty() ? null : latencies.get(latencies.size() - 1) / 1000.0);
    m.put("ttft.p50", rank(ttfts, 50));
    m.put("ttft.p95", rank(ttfts, 95));
    m.put("ttft.p99", rank(ttfts, 99));
    m.put("cost.total", ledger ? cost : null);
    m.put("cost.per_task", ledger && !tasks.isEmpty() ? cost / tasks.size() : null);
    m.put("cost.per_success", ledger && !ok.isEmpty() ? cost / ok.size() : null);
    m.put(
        "cost.per_day",
        ledger && !tasks.isEmpty() ? cost / tasks.size() * TARGET_RATE * 24 * 60 : null);
    m.put(
        "hallucinated_calls",
        ledger ? (double) calls.stream().filter(Call::hallucinatedTool).count() : null);
    m.put("achieved_rate", spanMs <= 0 ? null : tasks.size() / (spanMs / 60_000.0) / TARGET_RATE);
    return m;
  }

  /** Nearest rank, in seconds; null without values. */
  private static Double rank(List<Long> sorted, double percentile) {
    if (sorted.isEmpty()) {
      return null;
    }
    int rank = (int) Math.max(1, Math.ceil(percentile / 100 * sorted.size() - 1e-9));
    return sorted.get(rank - 1) / 1000.0;
  }

  private static double wilson(long k, long n, int side) {
    double p = (double) k / n;
    double centre = p + Z * Z / (2.0 * n);
    double spread = Z * Math.sqrt(p * (1 - p) / n + Z * Z / (4.0 * n * n));
    return (centre + side * spread) / (1 + Z * Z / n);
  }

  private static void write(RunFixture run, List<Task> tasks, List<Fault> faults) {
    try (JsonLinesWriter<TaskRecord> records = JsonLinesWriter.append(run.run.records());
        JsonLinesWriter<LedgerEntry> ledger = JsonLinesWriter.append(run.run.ledger())) {
      for (int i = 0; i < tasks.size(); i++) {
        Task t = tasks.get(i);
        String id = "t" + i;
        records.write(
            new TaskRecord(
                id,
                "france",
                0,
                START + t.startMs(),
                t.latencyMs(),
                t.succeeded() ? 200 : 503,
                t.succeeded() ? (t.correct() ? "Paris" : "Lyon") : null,
                t.succeeded() ? null : "503",
                List.of(),
                t.ttftMs()));
        for (Call c : t.calls()) {
          ledger.write(
              new LedgerEntry(
                  START + t.startMs() + c.afterMs(),
                  c.hallucinatedTool() ? LedgerEntry.TOOL : LedgerEntry.LLM,
                  "primary",
                  "gpt",
                  c.hallucinatedTool() ? "teleport" : null,
                  id,
                  "france",
                  0,
                  200,
                  10,
                  5,
                  c.costUsd(),
                  null,
                  c.hallucinatedTool(),
                  1,
                  2));
        }
      }
    }
    for (int i = 0; i < faults.size(); i++) {
      run.fault("fault-" + i, faults.get(i).onMs(), faults.get(i).offMs());
    }
  }

  @Provide
  Arbitrary<List<Task>> tasks() {
    Arbitrary<Call> call =
        Combinators.combine(
                Arbitraries.longs().between(0, 2_000),
                Arbitraries.of(0.0, 0.0005, 0.002, 0.01),
                Arbitraries.of(false, false, false, true))
            .as(Call::new);
    Arbitrary<Long> latency = Arbitraries.longs().between(0, 40_000);
    return Combinators.combine(
            Arbitraries.longs().between(0, RUN_MS - 1),
            Arbitraries.of(true, true, true, false),
            Arbitraries.of(true, true, false),
            latency,
            Arbitraries.longs().between(0, 3_000).injectNull(0.5),
            call.list().ofMaxSize(2))
        .as(Task::new)
        .list()
        .ofMaxSize(120);
  }

  @Provide
  Arbitrary<List<Fault>> faults() {
    Arbitrary<Fault> fault =
        Arbitraries.longs()
            .between(0, RUN_MS - 1_000)
            .flatMap(
                on ->
                    Arbitraries.longs()
                        .between(on + 1, RUN_MS)
                        .injectNull(0.2)
                        .map(off -> new Fault(on, off == null ? -1 : off)));
    return fault.list().ofMaxSize(2);
  }

  @Provide
  Arbitrary<Rule> rules() {
    return Combinators.combine(
            Arbitraries.of(10.0, 20.0).injectNull(0.5),
            Arbitraries.of(0.0, 0.003, 0.011).injectNull(0.5))
        .as(Rule::new);
  }

  @Provide
  Arbitrary<Integer> buckets() {
    return Arbitraries.of(1, 10, 15);
  }
}
