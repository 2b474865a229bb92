package dev.gauntlet.agent.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The resilient agent's memory: Redis behind the {@link RedisGuard}, and the process while Redis
 * fails or the breaker is open. Turns written to the process during an outage stay there (they
 * are not copied to Redis later); a task's history is its Redis turns followed by them. Never
 * throws for Redis. Thread-safe.
 */
public final class GuardedMemory implements ConversationMemory {
  private final RedisMemory redis;
  private final LocalMemory local;
  private final RedisGuard guard;

  public GuardedMemory(RedisMemory redis, LocalMemory local, RedisGuard guard) {
    this.redis = redis;
    this.local = local;
    this.guard = guard;
  }

  @Override
  public List<MemoryTurn> history(String taskId) {
    List<MemoryTurn> stranded = local.history(taskId);
    List<MemoryTurn> stored = guard.attempt(() -> redis.history(taskId)).orElse(List.of());
    if (stranded.isEmpty()) {
      return stored;
    }
    List<MemoryTurn> all = new ArrayList<>(stored);
    all.addAll(stranded);
    return List.copyOf(all.subList(Math.max(0, all.size() - MAX_TURNS), all.size()));
  }

  @Override
  public void append(String taskId, List<MemoryTurn> turns) {
    boolean stored =
        guard
            .attempt(
                () -> {
                  redis.append(taskId, turns);
                  return Boolean.TRUE;
                })
            .isPresent();
    if (!stored) {
      local.append(taskId, turns);
    }
  }
}
