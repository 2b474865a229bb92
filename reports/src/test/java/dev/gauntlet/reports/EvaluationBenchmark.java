package dev.gauntlet.reports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gauntlet.dataset.Dataset;
import dev.gauntlet.dataset.DatasetLoader;
import dev.gauntlet.dataset.Expectation;
import dev.gauntlet.dataset.Item;
import dev.gauntlet.dataset.ScriptStep;
import dev.gauntlet.dataset.ToolCall;
import dev.gauntlet.run.Json;
import dev.gauntlet.run.LedgerEntry;
import dev.gauntlet.run.RunDirectory;
import dev.gauntlet.run.RunInfo;
import dev.gauntlet.run.TaskRecord;
import dev.gauntlet.run.TimelineEvent;
import dev.gauntlet.scenario.Evaluation;
import dev.gauntlet.scenario.FaultPlaneSpec;
import dev.gauntlet.scenario.Scenario;
import dev.gauntlet.scenario.SloSpec;
import dev.gauntlet.scenario.SloSpec.Scope;
import dev.gauntlet.scenario.Stage;
import dev.gauntlet.scenario.Workload;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Evaluates a large run directory and writes what a CI gate reads (verdict.json, junit.xml, summary.md), timing
 * both; generates the run first when the directory holds no records. The run: {@code tasks} tasks at 5,000/min
 * over the customer-support dataset, 2% errors, 3 outages, one LLM call per task and a tool call (with its
 * arguments) per fifth task in the ledger. Usage: {@code EvaluationBenchmark DIR [tasks] [datasetDir]};
 * bench/evaluate-1m.sh runs it. Generating is not timed; run it in a JVM of its own so that the measured one starts
 * cold on an existing directory.
 *
 * <p>With {@code -Dbench.trajectories=true} (in both JVMs) every item with a scripted tool call also expects its
 * script's calls as a trajectory with arguments, and the ledger has a tool line with its arguments for every call of
 * every task (3% of them with a wrong argument), so the evaluation joins each task's calls from the ledger
 * ({@code ServedCalls}) as a run of an argument-checking dataset does.
 */
public final class EvaluationBenchmark {

  private static final long START = 1_700_000_000_000L;
  private static final double RATE_PER_MINUTE = 5_000;
  private static final boolean TRAJECTORIES = Boolean.getBoolean("bench.trajectories");

  /** The arguments a tool line carries, as the tool mock writes them. */
  private static final JsonNode LOOKUP = Json.mapper().createObjectNode().put("order_id", "A10234");

  private EvaluationBenchmark() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    int tasks = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    Dataset dataset =
        DatasetLoader.load(Path.of(args.length > 2 ? args[2] : "golden-datasets/customer-support"));
    if (TRAJECTORIES) {
      dataset = withTrajectories(dataset);
    }
    RunDirectory run = RunDirectory.create(dir);
    if (!Files.exists(run.records())) {
      long t0 = System.nanoTime();
      generate(run, dataset.items(), tasks);
      System.out.printf(
          "generated %,d tasks in %.1f s (records %,d MB, ledger %,d MB)%n",
          tasks, seconds(t0), Files.size(run.records()) >> 20, Files.size(run.ledger()) >> 20);
    }
    long t0 = System.nanoTime();
    Verdict verdict = Evaluator.evaluate(scenario(), dataset, run);
    double evaluate = seconds(t0);
    long t1 = System.nanoTime();
    ReportWriter.writeGate(verdict, run);
    double write = seconds(t1);
    System.out.printf(
        "evaluated %,d tasks in %.2f s, wrote verdict.json, junit.xml, summary.md in %.3f s: "
            + "%.2f s in all%n",
        verdict.tasks(), evaluate, write, evaluate + write);
    System.out.printf(
        "heap: max %d MB, peak used %d MB; verdict %s (%s)%n",
        Runtime.getRuntime().maxMemory() >> 20,
        peakHeapMb(),
        verdict.status().label(),
        verdict.reason());
    verdict.metrics().forEach((metric, value) -> System.out.printf("  %-18s %s%n", metric, value));
  }

  /**
   * The scenario's SLOs; a cost.per_task SLO is a cost cap, which makes goodput keep each task's cost while the
   * records are read, so {@code -Dbench.costCap=false} leaves it out to measure the evaluation without that join.
   */
  static Scenario scenario() {
    List<SloSpec> slos =
        new ArrayList<>(
            List.of(
                new SloSpec("success_rate", Scope.WHOLE, 0.95, null),
                new SloSpec("accuracy", Scope.WHOLE, 0.9, null),
                new SloSpec("latency.p95", Scope.WHOLE, null, 2.0),
                new SloSpec("recovery_time", Scope.WHOLE, null, 60.0),
                new SloSpec("accuracy", Scope.DURING_FAULTS, 0.5, null),
                new SloSpec("achieved_rate", Scope.WHOLE, 0.95, null)));
    if (Boolean.parseBoolean(System.getProperty("bench.costCap", "true"))) {
      slos.add(new SloSpec("cost.per_task", Scope.WHOLE, null, 0.001));
    }
    Workload workload =
        new Workload(
            Workload.Protocol.SYNC,
            List.of(new Stage(RATE_PER_MINUTE, RATE_PER_MINUTE, Duration.ofMinutes(200))),
            Duration.ofSeconds(30),
            1);
    return new Scenario(
        "evaluate-1m",
        42,
        null,
        "customer-support",
        List.of(),
        Map.of(),
        workload,
        List.of(),
        slos,
        Evaluation.defaults(),
        FaultPlaneSpec.anyPorts(),
        null,
        Path.of("bench/evaluate-1m"));
  }

  private static void generate(RunDirectory run, List<Item> items, int tasks) throws IOException {
    long spanMs = (long) (tasks / RATE_PER_MINUTE * 60_000);
    SplittableRandom random = new SplittableRandom(42);
    long[][] outages = {
      {spanMs / 4, spanMs / 4 + 120_000},
      {spanMs / 2, spanMs / 2 + 300_000},
      {3 * spanMs / 4, 3 * spanMs / 4 + 60_000}
    };
    try (BufferedWriter records = writer(run.records());
        BufferedWriter ledger = writer(run.ledger())) {
      for (int i = 0; i < tasks; i++) {
        long offset = (long) (i * 60_000L / RATE_PER_MINUTE);
        boolean outage = inside(outages, offset);
        boolean failed = random.nextDouble() < (outage ? 0.3 : 0.02);
        Item item = items.get(i % items.size());
        String taskId = String.format("t-%07d", i + 1);
        long latency = 200 + (long) (-400 * Math.log(1 - random.nextDouble()));
        String output =
            failed ? null : random.nextDouble() < 0.95 ? answer(item.expected()) : "I am not sure.";
        List<ToolCall> calls = TRAJECTORIES ? scripted(item) : List.of();
        line(
            records,
            new TaskRecord(
                taskId,
                item.id(),
                i / items.size(),
                START + offset,
                latency,
                failed ? 503 : 200,
                output,
                failed ? "provider returned 503" : null,
                calls.isEmpty()
                    ? List.of("lookup_order")
                    : calls.stream().map(ToolCall::name).toList()));
        line(
            ledger,
            new LedgerEntry(
                START + offset + 5,
                LedgerEntry.LLM,
                "primary",
                "gpt-4o-mini",
                null,
                taskId,
                item.id(),
                0,
                200,
                900,
                120,
                0.000207,
                null,
                false,
                80,
                400));
        boolean wrong = TRAJECTORIES && random.nextDouble() < 0.03;
        for (int c = 0; c < calls.size(); c++) {
          JsonNode arguments =
              wrong && c == 0
                  ? Json.mapper().createObjectNode().put("order_id", "A00000")
                  : calls.get(c).arguments();
          line(
              ledger,
              new LedgerEntry(
                  START + offset + 90 + c,
                  LedgerEntry.TOOL,
                  null,
                  null,
                  calls.get(c).name(),
                  taskId,
                  wrong ? null : item.id(),
                  c,
                  wrong ? 404 : 200,
                  0,
                  0,
                  0,
                  null,
                  false,
                  1,
                  2,
                  arguments));
        }
        if (!TRAJECTORIES && i % 5 == 0) {
          line(
              ledger,
              new LedgerEntry(
                  START + offset + 90,
                  LedgerEntry.TOOL,
                  null,
                  null,
                  "lookup_order",
                  taskId,
                  item.id(),
                  0,
                  200,
                  0,
                  0,
                  0,
                  null,
                  i % 500 == 0,
                  1,
                  2,
                  LOOKUP));
        }
      }
    }
    try (BufferedWriter timeline = writer(run.timeline())) {
      for (int w = 0; w < outages.length; w++) {
        line(
            timeline,
            new TimelineEvent(
                START + outages[w][0], "outage-" + (w + 1), "outage", TimelineEvent.ON, "primary"));
        line(
            timeline,
            new TimelineEvent(
                START + outages[w][1],
                "outage-" + (w + 1),
                "outage",
                TimelineEvent.OFF,
                "primary"));
      }
    }
    Json.mapper()
        .writeValue(
            run.runInfo().toFile(),
            new RunInfo(
                "evaluate-1m",
                42,
                "resilient",
                START,
                START + spanMs,
                RATE_PER_MINUTE,
                RunInfo.COMPLETED,
                null));
  }

  /** Each item with scripted tool calls, expecting them as a trajectory with arguments besides its own expectation. */
  private static Dataset withTrajectories(Dataset dataset) {
    List<Item> items =
        dataset.items().stream()
            .map(
                item -> {
                  List<Expectation.Trajectory.Step> steps =
                      item.script().stream()
                          .filter(step -> step instanceof ScriptStep.CallTools)
                          .map(
                              step ->
                                  new Expectation.Trajectory.Step(
                                      ((ScriptStep.CallTools) step)
                                          .calls().stream()
                                              .map(EvaluationBenchmark::expected)
                                              .toList()))
                          .toList();
                  return steps.isEmpty()
                      ? item
                      : new Item(
                          item.id(),
                          item.input(),
                          new Expectation.AllOf(
                              List.of(item.expected(), new Expectation.Trajectory(steps, false))),
                          item.fixtures(),
                          item.script(),
                          item.tags(),
                          item.line());
                })
            .toList();
    return new Dataset(
        dataset.name(),
        dataset.version(),
        dataset.owner(),
        dataset.tools(),
        items,
        dataset.dir(),
        dataset.prices());
  }

  private static Expectation.Trajectory.Call expected(ToolCall call) {
    Map<String, List<JsonNode>> accepted = new LinkedHashMap<>();
    call.arguments()
        .fields()
        .forEachRemaining(field -> accepted.put(field.getKey(), List.of(field.getValue())));
    return new Expectation.Trajectory.Call(call.name(), accepted, Set.of());
  }

  /** The tool calls of an item's script, in order; empty without a trajectory to check. */
  private static List<ToolCall> scripted(Item item) {
    if (!(item.expected() instanceof Expectation.AllOf)) {
      return List.of();
    }
    return item.script().stream()
        .filter(step -> step instanceof ScriptStep.CallTools)
        .flatMap(step -> ((ScriptStep.CallTools) step).calls().stream())
        .toList();
  }

  private static String answer(Expectation expected) {
    if (expected instanceof Expectation.AllOf allOf) {
      return answer(allOf.parts().get(0));
    }
    if (expected instanceof Expectation.Contains contains) {
      return "Here is what I found: " + String.join(", ", contains.values()) + ".";
    }
    return expected instanceof Expectation.Exact exact
        ? exact.value()
        : "{\"status\": \"shipped\"}";
  }

  private static boolean inside(long[][] windows, long offset) {
    for (long[] w : windows) {
      if (offset >= w[0] && offset < w[1]) {
        return true;
      }
    }
    return false;
  }

  private static BufferedWriter writer(Path file) throws IOException {
    return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
  }

  private static void line(BufferedWriter out, Object value) throws IOException {
    out.write(Json.mapper().writeValueAsString(value));
    out.write('\n');
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static long peakHeapMb() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      peak += pool.getType() == MemoryType.HEAP ? pool.getPeakUsage().getUsed() : 0;
    }
    return peak >> 20;
  }
}
