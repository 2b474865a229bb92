package dev.gauntlet.reports.internal.detail;

import dev.gauntlet.dataset.Item;
import dev.gauntlet.run.TaskRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Picks the worst tasks while records stream past, keeping at most {@link #PER_KIND} of each kind: one failed task
 * per distinct error (the first seen, with how many shared it), the first wrong answers, and the slowest
 * successful tasks. Not thread-safe.
 */
final class WorstTasks {

  static final int PER_KIND = 5;

  private final Map<String, TaskRecord> failedByError = new LinkedHashMap<>();
  private final Map<String, Long> errorCounts = new LinkedHashMap<>();
  private final List<TaskRecord> wrong = new ArrayList<>();
  private long wrongCount;
  private final PriorityQueue<TaskRecord> slowest =
      new PriorityQueue<>(Comparator.comparingLong(TaskRecord::latencyMs));

  void add(TaskRecord record, Boolean correct) {
    if (!record.succeeded()) {
      String error =
          record.error() != null
              ? record.error()
              : "HTTP " + record.status() + " without an output";
      errorCounts.merge(error, 1L, Long::sum);
      if (failedByError.size() < PER_KIND) {
        failedByError.putIfAbsent(error, record);
      }
    } else if (Boolean.FALSE.equals(correct)) {
      wrongCount++;
      if (wrong.size() < PER_KIND) {
        wrong.add(record);
      }
    } else {
      slowest.add(record);
      if (slowest.size() > PER_KIND) {
        slowest.poll();
      }
    }
  }

  /** The picks, failed first, then wrong answers, then the slowest (slowest first); no calls yet. */
  List<Transcript> picks(Map<String, Item> items) {
    List<Transcript> picks = new ArrayList<>();
    failedByError.forEach(
        (error, task) ->
            picks.add(
                new Transcript(
                    Transcript.Kind.FAILED,
                    task,
                    items.get(task.itemId()),
                    errorCounts.get(error),
                    List.of())));
    wrong.forEach(
        task ->
            picks.add(
                new Transcript(
                    Transcript.Kind.WRONG, task, items.get(task.itemId()), wrongCount, List.of())));
    slowest.stream()
        .sorted(Comparator.comparingLong(TaskRecord::latencyMs).reversed())
        .forEach(
            task ->
                picks.add(
                    new Transcript(
                        Transcript.Kind.SLOW, task, items.get(task.itemId()), 1, List.of())));
    return picks;
  }
}
