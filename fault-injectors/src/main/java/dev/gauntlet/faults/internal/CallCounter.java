package dev.gauntlet.faults.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Hands out 0-based call indexes per task key, so that fault decisions can be keyed on them. Thread-safe. */
public final class CallCounter {

  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

  /** The index of this call among the calls seen for {@code taskKey}, counting from 0. */
  public int next(String taskKey) {
    return counts.computeIfAbsent(taskKey, k -> new AtomicInteger()).getAndIncrement();
  }
}
