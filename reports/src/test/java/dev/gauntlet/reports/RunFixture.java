package dev.gauntlet.reports;

import dev.gauntlet.dataset.Dataset;
import dev.gauntlet.dataset.Expectation;
import dev.gauntlet.dataset.Item;
import dev.gauntlet.run.Json;
import dev.gauntlet.run.JsonLinesWriter;
import dev.gauntlet.run.LedgerEntry;
import dev.gauntlet.run.MemorySample;
import dev.gauntlet.run.RunDirectory;
import dev.gauntlet.run.RunInfo;
import dev.gauntlet.run.TaskRecord;
import dev.gauntlet.run.TimelineEvent;
import dev.gauntlet.scenario.Evaluation;
import dev.gauntlet.scenario.FaultPlaneSpec;
import dev.gauntlet.scenario.Scenario;
import dev.gauntlet.scenario.SloSpec;
import dev.gauntlet.scenario.Stage;
import dev.gauntlet.scenario.Workload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds real run directories for tests: records, ledger, timeline and run.json written as a run writes them. */
final class RunFixture {

  static final long START = 1_700_000_000_000L;

  final RunDirectory run;
  private final List<SloSpec> slos = new ArrayList<>();
  private Evaluation evaluation = new Evaluation(Duration.ofSeconds(1), Duration.ofSeconds(5), 20);
  private int taskCounter;
  private Workload workload;

  RunFixture(Path dir) {
    this.run = RunDirectory.create(dir);
  }

  static Dataset dataset() {
    return new Dataset(
        "capitals",
        "1",
        "qa",
        List.of(),
        List.of(
            item("france", new Expectation.Contains(List.of("Paris"))),
            item("answer", new Expectation.Exact("42")),
            item("order", new Expectation.JsonField("/status", "shipped"))),
        null);
  }

  private static Item item(String id, Expectation expected) {
    return new Item(id, "question " + id, expected, List.of(), List.of(), List.of(), 1);
  }

  RunFixture slo(String metric, SloSpec.Scope scope, Double min, Double max) {
    slos.add(new SloSpec(metric, scope, min, max));
    return this;
  }

  RunFixture relativeSlo(SloSpec spec) {
    slos.add(spec);
    return this;
  }

  RunFixture slo(String metric, Double min, Double max) {
    return slo(metric, SloSpec.Scope.WHOLE, min, max);
  }

  /** A workload whose only part evaluation reads is {@code trials}. */
  RunFixture trials(int k) {
    workload =
        new Workload(
            Workload.Protocol.SYNC,
            List.of(new Stage(60, 60, Duration.ofMinutes(1))),
            Duration.ofSeconds(30),
            k);
    return this;
  }

  RunFixture workload(Workload value) {
    workload = value;
    return this;
  }

  RunFixture evaluation(Evaluation value) {
    evaluation = value;
    return this;
  }

  Scenario scenario() {
    return new Scenario(
        "smoke",
        42,
        null,
        "capitals",
        List.of(),
        Map.of(),
        workload,
        List.of(),
        slos,
        evaluation,
        FaultPlaneSpec.anyPorts(),
        Path.of("scenarios/smoke.yaml"));
  }

  Verdict evaluate() {
    return Evaluator.evaluate(scenario(), dataset(), run);
  }

  Verdict evaluate(RunDirectory baseline) {
    return Evaluator.evaluate(scenario(), dataset(), run, baseline);
  }

  RunFixture runInfo(long durationMs, double targetRate, String outcome, String detail) {
    RunInfo info =
        new RunInfo(
            "smoke",
            42,
            "resilient",
            START,
            durationMs < 0 ? 0 : START + durationMs,
            targetRate,
            outcome,
            detail);
    try {
      Json.mapper().writeValue(run.runInfo().toFile(), info);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  RunFixture completed(long durationMs) {
    return runInfo(durationMs, 60, RunInfo.COMPLETED, null);
  }

  /** One task every {@code everyMs} from {@code fromMs} to {@code toMs} (offsets from START), all right answers. */
  RunFixture tasks(long fromMs, long toMs, long everyMs, long latencyMs, boolean succeed) {
    try (JsonLinesWriter<TaskRecord> out = JsonLinesWriter.append(run.records())) {
      for (long t = fromMs; t < toMs; t += everyMs) {
        out.write(task(START + t, latencyMs, succeed));
      }
    }
    return this;
  }

  TaskRecord task(long startMs, long latencyMs, boolean succeed) {
    String id = "t" + taskCounter++;
    return succeed
        ? new TaskRecord(id, "france", 0, startMs, latencyMs, 200, "It is Paris.", null, List.of())
        : new TaskRecord(
            id, "france", 0, startMs, latencyMs, 503, null, "provider returned 503", List.of());
  }

  RunFixture record(TaskRecord record) {
    try (JsonLinesWriter<TaskRecord> out = JsonLinesWriter.append(run.records())) {
      out.write(record);
    }
    return this;
  }

  /** An LLM call of {@code costUsd} by task {@code taskId}. */
  RunFixture ledger(long offsetMs, String taskId, double costUsd) {
    try (JsonLinesWriter<LedgerEntry> out = JsonLinesWriter.append(run.ledger())) {
      out.write(
          new LedgerEntry(
              START + offsetMs,
              LedgerEntry.LLM,
              "primary",
              "gpt",
              null,
              taskId,
              "france",
              0,
              200,
              100,
              20,
              costUsd,
              null,
              false,
              5,
              9));
    }
    return this;
  }

  RunFixture ledger(long offsetMs, double costUsd, boolean hallucinatedTool) {
    try (JsonLinesWriter<LedgerEntry> out = JsonLinesWriter.append(run.ledger())) {
      out.write(
          hallucinatedTool
              ? new LedgerEntry(
                  START + offsetMs,
                  LedgerEntry.TOOL,
                  null,
                  null,
                  "teleport",
                  "t0",
                  "france",
                  0,
                  404,
                  0,
                  0,
                  costUsd,
                  null,
                  true,
                  1,
                  2)
              : new LedgerEntry(
                  START + offsetMs,
                  LedgerEntry.LLM,
                  "primary",
                  "gpt",
                  null,
                  "t0",
                  "france",
                  0,
                  200,
                  100,
                  20,
                  costUsd,
                  null,
                  false,
                  5,
                  9));
    }
    return this;
  }

  /** Memory samples, appended to memory.jsonl as the fault plane writes them. */
  RunFixture memory(List<MemorySample> samples) {
    try (JsonLinesWriter<MemorySample> out = JsonLinesWriter.append(run.memory())) {
      samples.forEach(out::write);
    }
    return this;
  }

  /** Any timeline event, such as a self-hosted server's {@code restart}. */
  RunFixture event(TimelineEvent event) {
    try (JsonLinesWriter<TimelineEvent> out = JsonLinesWriter.append(run.timeline())) {
      out.write(event);
    }
    return this;
  }

  RunFixture fault(String name, long onMs, long offMs) {
    try (JsonLinesWriter<TimelineEvent> out = JsonLinesWriter.append(run.timeline())) {
      out.write(new TimelineEvent(START + onMs, name, "outage", TimelineEvent.ON, "primary"));
      if (offMs >= 0) {
        out.write(new TimelineEvent(START + offMs, name, "outage", TimelineEvent.OFF, "primary"));
      }
    }
    return this;
  }
}
