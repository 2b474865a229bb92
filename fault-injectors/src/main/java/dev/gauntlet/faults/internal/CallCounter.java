package dev.gauntlet.faults.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hands out 0-based call indexes per task key, so that fault decisions can be keyed on them. It remembers the most
 * recently seen {@value #CAPACITY} tasks only: a long game day at thousands of tasks a minute would otherwise keep
 * every task id it ever saw, while a task's calls all arrive within seconds of each other. Thread-safe.
 */
public final class CallCounter {

  static final int CAPACITY = 200_000;

  private final Map<String, int[]> counts =
      new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, int[]> eldest) {
          return size() > CAPACITY;
        }
      };

  /** The index of this call among the calls seen for {@code taskKey}, counting from 0. */
  public synchronized int next(String taskKey) {
    return counts.computeIfAbsent(taskKey, k -> new int[1])[0]++;
  }

  synchronized int remembered() {
    return counts.size();
  }
}
