package dev.gauntlet.reports.internal.detail;

import dev.gauntlet.dataset.Dataset;
import dev.gauntlet.dataset.Expectation;
import dev.gauntlet.dataset.Item;
import dev.gauntlet.dataset.ToolCall;
import dev.gauntlet.reports.FaultWindowResult;
import dev.gauntlet.reports.Verdict;
import dev.gauntlet.reports.internal.LeakMeter;
import dev.gauntlet.reports.internal.MemoryRun;
import dev.gauntlet.reports.internal.ServedCalls;
import dev.gauntlet.reports.leak.LeakDetector;
import dev.gauntlet.reports.metrics.FaultWindow;
import dev.gauntlet.reports.scoring.AgentAnswer;
import dev.gauntlet.reports.scoring.ScorerRegistry;
import dev.gauntlet.run.Json;
import dev.gauntlet.run.JsonLines;
import dev.gauntlet.run.LedgerEntry;
import dev.gauntlet.run.RunDirectory;
import dev.gauntlet.run.RunInfo;
import dev.gauntlet.run.TaskRecord;
import dev.gauntlet.scenario.SloSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What report.html and the Allure results show beyond the verdict: the run over time, the latency histogram, the
 * worst tasks with their calls and the memory of self-hosted servers. Read from the run directory in one pass over
 * records.jsonl, one over ledger.jsonl and one over memory.jsonl; missing or cut-short files give what they hold.
 * Immutable and thread-safe.
 *
 * @param series       the run over time
 * @param latency      the latency histogram of successful tasks
 * @param worst        the worst tasks, worst kind first
 * @param targetPerSec the profile's mean rate in tasks per second, 0 when unknown
 * @param scored       whether answers were scored (a dataset was given)
 * @param memory       memory.jsonl by source, empty when the run sampled no memory
 * @param leaks        per source that served inferences, its leak rate over the whole run
 * @param faultLeaks   the same over the samples taken inside fault windows; empty without fault windows
 */
public record RunDetails(
    TimeSeries series,
    LatencyBins latency,
    List<Transcript> worst,
    double targetPerSec,
    boolean scored,
    MemoryRun memory,
    List<LeakMeter.SourceFit> leaks,
    List<LeakMeter.SourceFit> faultLeaks) {

  public RunDetails {
    worst = List.copyOf(worst);
    leaks = List.copyOf(leaks);
    faultLeaks = List.copyOf(faultLeaks);
  }

  /** Reads {@code run}; {@code dataset} may be null, which leaves accuracy and wrong answers out. */
  public static RunDetails read(Verdict verdict, Dataset dataset, RunDirectory run) {
    Map<String, Item> items = dataset == null ? Map.of() : dataset.itemsById();
    ScorerRegistry scorers = ScorerRegistry.standard();
    SeriesPass series = new SeriesPass();
    BinsPass bins = new BinsPass();
    WorstTasks worst = new WorstTasks();
    // The charts over time draw the warm-up (shaded); the histogram and the worst tasks, like the
    // metrics, leave it
    // out.
    long judgedFrom = verdict.judgedFromMs();
    try (ServedCalls served = ServedCalls.open(run.ledger(), dataset)) {
      JsonLines.forEach(
          run.records(),
          TaskRecord.class,
          record -> {
            Optional<List<ToolCall>> calls = served.served(record);
            Item item = record.succeeded() ? items.get(record.itemId()) : null;
            // An LLM judge is called once per task, by the verdict; the charts leave judged tasks
            // out of accuracy.
            Boolean correct =
                item == null || item.expected() instanceof Expectation.LlmJudge
                    ? null
                    : scorers.score(item.expected(), answer(record, item, calls)).verdict();
            series.task(record.endMs(), record.succeeded(), record.latencyMs(), correct);
            if (record.startMs() < judgedFrom) {
              return;
            }
            if (record.succeeded()) {
              bins.add(record.latencyMs(), duringFault(verdict.faultWindows(), record.startMs()));
            }
            worst.add(record, correct);
          });
    }
    List<Transcript> picks = worst.picks(items);
    Map<String, List<LedgerEntry>> calls = new HashMap<>();
    picks.forEach(pick -> calls.put(pick.task().taskId(), new ArrayList<>()));
    JsonLines.forEach(
        run.ledger(),
        LedgerEntry.class,
        entry -> {
          series.cost(entry.tsMs(), entry.costUsd());
          List<LedgerEntry> own = entry.taskId() == null ? null : calls.get(entry.taskId());
          if (own != null && own.size() < Transcript.MAX_CALLS) {
            own.add(entry);
          }
        });
    List<Transcript> worstTasks =
        picks.stream().map(p -> p.withCalls(calls.get(p.task().taskId()))).toList();
    MemoryRun memory = MemoryRun.read(run);
    List<FaultWindow> windows =
        verdict.faultWindows().stream()
            .map(w -> new FaultWindow(w.fault(), w.kind(), w.startMs(), w.endMs()))
            .toList();
    LeakMeter leaks = new LeakMeter(memory, windows, LeakDetector.DEFAULT);
    return new RunDetails(
        series.build(verdict.startedMs()),
        bins.build(),
        worstTasks,
        targetPerSec(run),
        dataset != null,
        memory,
        leaks.fits(SloSpec.Scope.WHOLE),
        windows.isEmpty() ? List.of() : leaks.fits(SloSpec.Scope.DURING_FAULTS));
  }

  /** The answer as the verdict scores it: trajectories that check arguments read the tool mock's calls. */
  private static AgentAnswer answer(TaskRecord record, Item item, Optional<List<ToolCall>> served) {
    AgentAnswer reported = AgentAnswer.of(record, item.input());
    return served.map(reported::withServedCalls).orElse(reported);
  }

  private static boolean duringFault(List<FaultWindowResult> windows, long startMs) {
    return windows.stream().anyMatch(w -> startMs >= w.startMs() && startMs < w.endMs());
  }

  private static double targetPerSec(RunDirectory run) {
    try {
      return Files.isRegularFile(run.runInfo())
          ? Json.mapper().readValue(run.runInfo().toFile(), RunInfo.class).targetRate() / 60.0
          : 0;
    } catch (IOException unreadable) {
      return 0; // a run killed while rewriting run.json; the verdict already says so
    }
  }
}
