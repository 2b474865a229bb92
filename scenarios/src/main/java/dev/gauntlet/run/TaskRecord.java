package dev.gauntlet.run;

import java.util.List;

/**
 * One task sent to the agent, written to {@code records.jsonl} as soon as the task finishes.
 *
 * @param taskId    unique in the run
 * @param itemId    dataset item the task came from
 * @param trial     0-based repetition of the item
 * @param startMs   epoch milliseconds when the task was sent
 * @param latencyMs end-to-end time until the answer (or the failure), in milliseconds
 * @param status    HTTP status of the answer, 0 when none came (connection refused, timeout)
 * @param output    the agent's answer, null when it gave none
 * @param error     why the task failed, null when it did not
 * @param toolCalls names of the tools the agent says it executed, in order
 */
public record TaskRecord(
    String taskId, String itemId, int trial, long startMs, long latencyMs, int status, String output, String error,
    List<String> toolCalls) {

  public TaskRecord {
    toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
  }

  /** Epoch milliseconds when the task finished. */
  public long endMs() {
    return startMs + latencyMs;
  }

  /** Whether the agent returned an answer without error. */
  public boolean succeeded() {
    return error == null && status >= 200 && status < 300 && output != null;
  }
}
