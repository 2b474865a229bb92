package dev.gauntlet.reports.metrics;

import java.util.Arrays;

/**
 * Every task's start, latency and outcome, in the order they were added (records.jsonl is in finishing order), for
 * the measures that group tasks by the time they <em>started</em> around a fault window ({@link StartRecovery}).
 * Memory: 12 bytes a task. Not thread-safe.
 */
public final class TaskStarts {

  private long[] starts = new long[64];
  private int[] outcomes = new int[64];
  private int size;

  /** Adds one task that started at {@code startMs} and took {@code latencyMs}. */
  public void add(long startMs, long latencyMs, boolean succeeded) {
    if (size == starts.length) {
      starts = Arrays.copyOf(starts, size * 2);
      outcomes = Arrays.copyOf(outcomes, size * 2);
    }
    int latency = (int) Math.min(Integer.MAX_VALUE - 1, Math.max(0, latencyMs));
    starts[size] = startMs;
    // A failure is stored as -(latency + 1), so one int holds both.
    outcomes[size++] = succeeded ? latency : -latency - 1;
  }

  /** How many tasks were added. */
  public int size() {
    return size;
  }

  public long startMs(int i) {
    return starts[i];
  }

  public long latencyMs(int i) {
    return outcomes[i] >= 0 ? outcomes[i] : -(long) outcomes[i] - 1;
  }

  public long endMs(int i) {
    return starts[i] + latencyMs(i);
  }

  public boolean succeeded(int i) {
    return outcomes[i] >= 0;
  }
}
