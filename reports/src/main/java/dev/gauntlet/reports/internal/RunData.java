package dev.gauntlet.reports.internal;

import dev.gauntlet.dataset.Dataset;
import dev.gauntlet.reports.Verdict;
import dev.gauntlet.reports.metrics.FaultWindow;
import dev.gauntlet.reports.metrics.FaultWindows;
import dev.gauntlet.reports.metrics.PassK;
import dev.gauntlet.reports.metrics.TaskStarts;
import dev.gauntlet.run.JsonLines;
import dev.gauntlet.run.LedgerEntry;
import dev.gauntlet.run.RunDirectory;
import dev.gauntlet.run.RunInfo;
import dev.gauntlet.run.TaskRecord;
import dev.gauntlet.run.TimelineEvent;
import dev.gauntlet.scenario.ArrivalSchedule;
import dev.gauntlet.scenario.Evaluation;
import dev.gauntlet.scenario.Workload;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the evaluation needs from a run directory, read in one streaming pass per file: run.json and the
 * timeline first (they are small), then records.jsonl, then ledger.jsonl. When an item forbids tools
 * ({@code refusal.must_not_call}), one more pass over ledger.jsonl, before the records, keeps the forbidden calls
 * the tool mock served ({@link ExecutedTools}). When an item's trajectory checks arguments, a second reader follows
 * the records through ledger.jsonl, holding only the tool calls of tasks in flight ({@link ServedCalls}). Missing or
 * cut-short files give what they hold. Not thread-safe.
 *
 * @param info       run.json, or null when missing or unreadable
 * @param windows    fault windows, closed at the run's end (or the data's end when the run's end is unknown)
 * @param scopes     totals per scope
 * @param phases     per window, the totals of the tasks started (and ledger entries written) before, during and
 *                   after it
 * @param series     the totals per time bucket, in time order ({@link SeriesTotals})
 * @param dataEndMs  the latest task end, {@link Long#MIN_VALUE} without tasks
 * @param hasLedger  whether ledger.jsonl held any entry
 * @param passK      pass^k and pass@k over the trials of each item
 * @param starts     every task's start, latency and outcome when the run had fault windows (empty without), for
 *                   recovery and failover by the time tasks started ({@link WindowTimes})
 * @param switches   per window, the first call to a provider the agent had not been using before it
 * @param harness    whether the harness kept to its schedule, and the achieved rate against it ({@link HarnessPace})
 */
public record RunData(
    RunInfo info,
    List<FaultWindow> windows,
    Scopes scopes,
    List<ScopeTotals[]> phases,
    List<SeriesTotals.Bucket> series,
    long dataEndMs,
    boolean hasLedger,
    PassK passK,
    TaskStarts starts,
    ProviderSwitches switches,
    HarnessPace.Result harness) {

  /** Reads {@code run} with the buckets and windows of {@code evaluation}; {@code dataset} may be null. */
  public static RunData read(Evaluation evaluation, Dataset dataset, RunDirectory run) {
    return read(evaluation, dataset, run, GoodputRule.NONE, 1);
  }

  /**
   * Reads {@code run}, counting goodput by {@code goodput} and pass^k over {@code trials} trials per item. A cost cap
   * keeps each task's cost in memory while the records are read (about 100 bytes a task).
   */
  public static RunData read(
      Evaluation evaluation, Dataset dataset, RunDirectory run, GoodputRule goodput, int trials) {
    return read(evaluation, dataset, run, goodput, trials, null);
  }

  /**
   * Reads {@code run} as above, leaving out of every metric what started in {@code workload}'s warm-up (tasks by their
   * start, ledger entries by their time, both from run.json's start) and checking the harness's pace against its
   * profile; {@code workload} may be null, which skips both.
   */
  public static RunData read(
      Evaluation evaluation,
      Dataset dataset,
      RunDirectory run,
      GoodputRule goodput,
      int trials,
      Workload workload) {
    RunInfo info = RunInfoFile.read(run.runInfo());
    long runEnd = info != null && info.endedMs() > 0 ? info.endedMs() : Long.MAX_VALUE;
    List<FaultWindow> open =
        FaultWindows.pair(JsonLines.readAll(run.timeline(), TimelineEvent.class), runEnd);
    Scopes scopes = Scopes.empty();
    long origin = info != null && info.startedMs() > 0 ? info.startedMs() : 0;
    long judgedFrom =
        workload == null ? Long.MIN_VALUE : Verdict.judgedFrom(origin, workload.warmup());
    HarnessPace pace =
        workload == null
            ? null
            : new HarnessPace(
                ArrivalSchedule.of(workload.profile()), workload.warmup(), evaluation);
    Segments segments = new Segments(open, new SeriesTotals(origin, evaluation.bucket()));
    PassK passK = new PassK(trials);
    // A cost cap needs each task's cost while the records are read, so the ledger goes first, once;
    // its entries are
    // then split into scopes by the windows as the timeline and run.json close them (only a window
    // still open in a
    // run without an end differs: it covers the entries after the last task too).
    boolean ledgerFirst = goodput.costCapUsd() != null;
    Map<String, Double> costs = ledgerFirst ? new HashMap<>() : Map.of();
    ProviderSwitches switches = new ProviderSwitches(open);
    boolean hasLedger =
        ledgerFirst && readLedger(run, open, scopes, segments, costs, switches, judgedFrom);
    RecordPass records;
    TaskStarts taskStarts;
    try (ServedCalls served = ServedCalls.open(run.ledger(), dataset)) {
      records =
          new RecordPass(
              dataset,
              ExecutedTools.read(run.ledger(), dataset),
              served,
              open,
              scopes,
              segments,
              goodput,
              costs,
              passK);
      // Only runs with fault windows keep every task's start: recovery and failover are measured on
      // them.
      TaskStarts starts = new TaskStarts();
      boolean keepStarts = !open.isEmpty();
      JsonLines.forEach(
          run.records(),
          TaskRecord.class,
          record -> {
            if (pace != null) {
              pace.accept(record);
            }
            if (record.startMs() >= judgedFrom) {
              records.accept(record);
              if (keepStarts) {
                starts.add(record.startMs(), record.latencyMs(), record.succeeded());
              }
            } else {
              served.served(record); // keeps the join to tasks in flight
            }
          });
      taskStarts = starts;
    }
    long dataEnd = records.dataEndMs();
    List<FaultWindow> windows =
        open.stream()
            .map(w -> w.closedAt(dataEnd == Long.MIN_VALUE ? w.startMs() : dataEnd))
            .toList();
    if (!ledgerFirst) {
      switches = new ProviderSwitches(windows);
      hasLedger = readLedger(run, windows, scopes, segments, null, switches, judgedFrom);
    }
    setDurations(
        info, dataEnd, windows, scopes, workload == null ? 0 : workload.warmup().toMillis());
    long runStart = info == null ? 0 : Math.max(0, info.startedMs());
    long spanEnd = info != null && info.endedMs() > 0 ? info.endedMs() : Math.max(0, dataEnd);
    segments.durations(windows, runStart, spanEnd);
    long arrivals = records.arrivalSpanPerTaskMs(scopes.whole().tally().tasks());
    if (arrivals > 0) {
      scopes.whole().durationMs(arrivals);
    }
    return new RunData(
        info,
        windows,
        scopes,
        segments.phases(),
        segments.series().buckets(runStart, spanEnd),
        dataEnd,
        hasLedger,
        passK,
        taskStarts,
        switches,
        pace == null ? null : pace.result(info == null ? 0 : info.endedMs()));
  }

  /** Whether any task was recorded. */
  public boolean hasTasks() {
    return dataEndMs != Long.MIN_VALUE;
  }

  /** Adds the ledger to the scopes and, unless null, each task's cost to {@code costs}; whether it had entries. */
  private static boolean readLedger(
      RunDirectory run,
      List<FaultWindow> windows,
      Scopes scopes,
      Segments segments,
      Map<String, Double> costs,
      ProviderSwitches switches,
      long judgedFrom) {
    boolean[] any = {false};
    JsonLines.forEach(
        run.ledger(),
        LedgerEntry.class,
        entry -> {
          any[0] = true;
          if (entry.tsMs() < judgedFrom) {
            return;
          }
          if (costs != null && entry.taskId() != null) {
            costs.merge(entry.taskId(), entry.costUsd(), Double::sum);
          }
          scopes.whole().addLedger(entry);
          boolean during = FaultWindows.anyContains(windows, entry.tsMs());
          (during ? scopes.duringFaults() : scopes.outsideFaults()).addLedger(entry);
          segments.addLedger(entry, windows);
          switches.add(entry);
        });
    return any[0];
  }

  private static void setDurations(
      RunInfo info, long dataEnd, List<FaultWindow> windows, Scopes scopes, long warmupMs) {
    if (info == null || info.startedMs() <= 0) {
      return;
    }
    // A run killed before it wrote its end ran at least until its last task finished.
    long end = info.endedMs() > 0 ? info.endedMs() : dataEnd;
    if (end == Long.MIN_VALUE || end <= info.startedMs()) {
      return;
    }
    long whole = end - info.startedMs() - Math.min(warmupMs, end - info.startedMs() - 1);
    long faulted = Math.min(whole, FaultWindows.unionMs(windows));
    scopes.whole().durationMs(whole);
    scopes.duringFaults().durationMs(faulted);
    scopes.outsideFaults().durationMs(whole - faulted);
  }
}
