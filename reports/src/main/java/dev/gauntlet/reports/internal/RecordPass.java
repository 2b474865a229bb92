package dev.gauntlet.reports.internal;

import dev.gauntlet.dataset.Dataset;
import dev.gauntlet.dataset.Item;
import dev.gauntlet.dataset.ToolCall;
import dev.gauntlet.reports.metrics.FaultWindow;
import dev.gauntlet.reports.metrics.FaultWindows;
import dev.gauntlet.reports.metrics.PassK;
import dev.gauntlet.reports.scoring.AgentAnswer;
import dev.gauntlet.reports.scoring.ScorerRegistry;
import dev.gauntlet.run.TaskRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The one pass over records.jsonl: scores each successful task and adds it to the scope tallies, the segments
 * (per-window phases, time buckets), without keeping the record. Not thread-safe.
 */
final class RecordPass implements Consumer<TaskRecord> {

  private final Map<String, Item> items = new HashMap<>();
  private final Map<String, List<String>> executed;
  private final ServedCalls served;
  private final ScorerRegistry scorers;
  private final boolean scoring;
  private final List<FaultWindow> windows;
  private final Scopes scopes;
  private final Segments segments;
  private final GoodputRule goodput;
  private final Map<String, Double> taskCosts;
  private final PassK passK;
  private long dataEndMs = Long.MIN_VALUE;
  private long firstStartMs = Long.MAX_VALUE;
  private long lastStartMs = Long.MIN_VALUE;

  /**
   * @param executed task id to the forbidden tools the tool mock served for it ({@link ExecutedTools}), which the
   *                 refusal scorer checks on top of what the agent reports
   * @param served   the tool calls with their arguments that the tool mock served for each task, read alongside the
   *                 records, which trajectories that check arguments are scored on
   */
  RecordPass(
      Dataset dataset,
      Map<String, List<String>> executed,
      ServedCalls served,
      List<FaultWindow> windows,
      Scopes scopes,
      Segments segments,
      GoodputRule goodput,
      Map<String, Double> taskCosts,
      PassK passK) {
    this.scoring = dataset != null;
    this.executed = executed;
    this.served = served;
    if (dataset != null) {
      dataset.items().forEach(item -> items.put(item.id(), item));
    }
    this.scorers = dataset == null ? null : ScorerRegistry.standard();
    this.windows = windows;
    this.scopes = scopes;
    this.segments = segments;
    this.goodput = goodput;
    this.taskCosts = taskCosts;
    this.passK = passK;
  }

  @Override
  public void accept(TaskRecord record) {
    boolean succeeded = record.succeeded();
    // Every record takes its task's calls out of the join, scored or not, so that the join holds
    // only tasks in flight.
    Optional<List<ToolCall>> calls = served.served(record);
    Boolean correct = succeeded ? score(record, calls) : null;
    boolean good = goodput.counts(correct, record.latencyMs(), record.taskId(), taskCosts);
    scopes.whole().tally().add(succeeded, record.latencyMs(), correct, good);
    boolean duringFault = FaultWindows.anyContains(windows, record.startMs());
    ScopeTotals faultScope = duringFault ? scopes.duringFaults() : scopes.outsideFaults();
    faultScope.tally().add(succeeded, record.latencyMs(), correct, good);
    if (succeeded && record.ttftMs() != null) {
      scopes.whole().ttft().record(record.ttftMs());
      faultScope.ttft().record(record.ttftMs());
    }
    segments.addTask(
        record.startMs(), succeeded, record.latencyMs(), correct, good, record.ttftMs());
    passK.add(record.itemId(), record.trial(), succeeded ? correct : Boolean.FALSE);
    dataEndMs = Math.max(dataEndMs, record.endMs());
    firstStartMs = Math.min(firstStartMs, record.startMs());
    lastStartMs = Math.max(lastStartMs, record.startMs());
  }

  /**
   * Milliseconds per task start over the span of the arrivals, which is what an injector's rate is: n arrivals
   * span n - 1 intervals. Independent of how long the harness took to start or the last answers took to come back.
   * Zero with fewer than two tasks.
   */
  long arrivalSpanPerTaskMs(long tasks) {
    if (tasks < 2 || lastStartMs <= firstStartMs) {
      return 0;
    }
    return Math.round((lastStartMs - firstStartMs) * (double) tasks / (tasks - 1));
  }

  /** The latest task end seen, or {@link Long#MIN_VALUE} when there were no tasks. */
  long dataEndMs() {
    return dataEndMs;
  }

  private Boolean score(TaskRecord record, Optional<List<ToolCall>> served) {
    Item item = scoring ? items.get(record.itemId()) : null;
    // Tasks whose item is not in the dataset cannot be scored, nor can those a scorer could not
    // measure (an
    // unreachable LLM judge): they count for neither side of accuracy.
    if (item == null) {
      return null;
    }
    AgentAnswer reported = AgentAnswer.of(record, item.input());
    AgentAnswer answer =
        served
            .map(reported::withServedCalls)
            .orElse(reported)
            .withExecutedTools(executed.getOrDefault(record.taskId(), List.of()));
    return scorers.score(item.expected(), answer).verdict();
  }
}
