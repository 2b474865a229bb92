package dev.gauntlet.run;

import java.util.List;

/**
 * One task sent to the agent, written to {@code records.jsonl} as soon as the task finishes.
 *
 * @param taskId    unique in the run
 * @param itemId    dataset item the task came from
 * @param trial     0-based repetition of the item
 * @param startMs   epoch milliseconds when the task was sent: taken right before its request goes out
 * @param latencyMs end-to-end time until the answer (or the failure), in milliseconds
 * @param status    HTTP status of the answer, 0 when none came (connection refused, timeout)
 * @param output    the agent's answer, null when it gave none
 * @param error     why the task failed, null when it did not
 * @param toolCalls names of the tools the agent says it executed, in order
 * @param ttftMs    time to first token: from sending the task until its first {@code token} event arrived, in
 *                  milliseconds; null when the task was not streamed or no token came (absent from the JSON line)
 * @param scheduledMs epoch milliseconds when the workload's profile scheduled the task's arrival
 *                    ({@link dev.gauntlet.scenario.ArrivalSchedule} from the workload's time zero); {@code startMs}
 *                    minus it is the task's send lag. Null in runs recorded before it existed (absent from the JSON
 *                    line)
 */
public record TaskRecord(
    String taskId,
    String itemId,
    int trial,
    long startMs,
    long latencyMs,
    int status,
    String output,
    String error,
    List<String> toolCalls,
    Long ttftMs,
    Long scheduledMs) {

  public TaskRecord {
    toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
  }

  /** A record without a scheduled arrival (as runs recorded before it existed). */
  public TaskRecord(
      String taskId,
      String itemId,
      int trial,
      long startMs,
      long latencyMs,
      int status,
      String output,
      String error,
      List<String> toolCalls,
      Long ttftMs) {
    this(taskId, itemId, trial, startMs, latencyMs, status, output, error, toolCalls, ttftMs, null);
  }

  /** A record of a task that was not streamed: no time to first token. */
  public TaskRecord(
      String taskId,
      String itemId,
      int trial,
      long startMs,
      long latencyMs,
      int status,
      String output,
      String error,
      List<String> toolCalls) {
    this(taskId, itemId, trial, startMs, latencyMs, status, output, error, toolCalls, null);
  }

  /** Epoch milliseconds when the task finished. */
  public long endMs() {
    return startMs + latencyMs;
  }

  /** This record with its arrival scheduled at {@code epochMs}. */
  public TaskRecord scheduledAt(long epochMs) {
    return new TaskRecord(
        taskId, itemId, trial, startMs, latencyMs, status, output, error, toolCalls, ttftMs,
        epochMs);
  }

  /** Whether the agent returned an answer without error. */
  public boolean succeeded() {
    return error == null && status >= 200 && status < 300 && output != null;
  }
}
