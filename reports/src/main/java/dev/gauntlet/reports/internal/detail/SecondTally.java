package dev.gauntlet.reports.internal.detail;

import java.util.Arrays;

/** What finished (and what was spent) in one second of a run; merged into coarser buckets later. Not thread-safe. */
final class SecondTally {

  int tasks;
  int successes;
  int scored;
  int correct;
  double costUsd;
  int[] latencies = new int[4];

  void add(boolean succeeded, long latencyMs, Boolean verdict) {
    tasks++;
    if (!succeeded) {
      return;
    }
    if (successes == latencies.length) {
      latencies = Arrays.copyOf(latencies, successes * 2);
    }
    latencies[successes++] = (int) Math.min(Integer.MAX_VALUE, Math.max(0, latencyMs));
    if (verdict != null) {
      scored++;
      correct += verdict ? 1 : 0;
    }
  }

  void merge(SecondTally other) {
    tasks += other.tasks;
    scored += other.scored;
    correct += other.correct;
    costUsd += other.costUsd;
    latencies = Arrays.copyOf(latencies, successes + other.successes);
    System.arraycopy(other.latencies, 0, latencies, successes, other.successes);
    successes += other.successes;
  }
}
