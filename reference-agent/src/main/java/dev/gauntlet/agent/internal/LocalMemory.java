package dev.gauntlet.agent.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Conversation memory in the process, for an agent without Redis or while Redis is away: bounded
 * in tasks and in turns per task, and a task's turns expire after its last one. Thread-safe.
 */
public final class LocalMemory implements ConversationMemory {
  /** Tasks remembered at most; the least recently used goes first. */
  public static final int CAPACITY = 10_000;

  private final ExpiringMap<List<MemoryTurn>> conversations;

  public LocalMemory(Duration ttl, Clock clock) {
    this.conversations = new ExpiringMap<>(CAPACITY, ttl, clock);
  }

  @Override
  public List<MemoryTurn> history(String taskId) {
    return conversations.get(taskId).orElse(List.of());
  }

  @Override
  public void append(String taskId, List<MemoryTurn> turns) {
    conversations.merge(taskId, latest(turns), LocalMemory::joined);
  }

  private static List<MemoryTurn> joined(List<MemoryTurn> earlier, List<MemoryTurn> later) {
    List<MemoryTurn> all = new ArrayList<>(earlier);
    all.addAll(later);
    return latest(all);
  }

  private static List<MemoryTurn> latest(List<MemoryTurn> turns) {
    return List.copyOf(turns.subList(Math.max(0, turns.size() - MAX_TURNS), turns.size()));
  }
}
