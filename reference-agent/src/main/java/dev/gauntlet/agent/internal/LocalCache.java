package dev.gauntlet.agent.internal;

import java.time.Clock;
import java.time.Duration;

/** The response cache in the process, for an agent without Redis: bounded, entries expire. Thread-safe. */
public final class LocalCache implements ResponseCache {
  /** Answers kept at most; the least recently used goes first. */
  public static final int CAPACITY = 10_000;

  private final ExpiringMap<String> answers;

  public LocalCache(Duration ttl, Clock clock) {
    this.answers = new ExpiringMap<>(CAPACITY, ttl, clock);
  }

  @Override
  public CacheLookup lookup(String key) {
    return CacheLookup.of(answers.get(key));
  }

  @Override
  public void store(String key, String answer) {
    answers.put(key, answer);
  }
}
