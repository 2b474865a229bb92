package dev.gauntlet.agent.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import redis.clients.jedis.AbstractTransaction;

/**
 * Conversation memory in Redis: one list of JSON turns per task under
 * {@code gauntlet:agent:memory:<task id>}, trimmed to the latest {@link #MAX_TURNS} and expiring
 * the TTL after its last turn. Failures pass through as {@link StoreFailedException}. Thread-safe.
 */
public final class RedisMemory implements ConversationMemory {
  public static final String PREFIX = "gauntlet:agent:memory:";

  private final Redis redis;
  private final Duration ttl;

  public RedisMemory(Redis redis, Duration ttl) {
    this.redis = redis;
    this.ttl = ttl;
  }

  @Override
  public List<MemoryTurn> history(String taskId) {
    List<String> stored = redis.call(jedis -> jedis.lrange(PREFIX + taskId, -MAX_TURNS, -1));
    return stored.stream().map(MemoryTurn::parse).flatMap(Optional::stream).toList();
  }

  @Override
  public void append(String taskId, List<MemoryTurn> turns) {
    String key = PREFIX + taskId;
    String[] values = turns.stream().map(MemoryTurn::toJson).toArray(String[]::new);
    redis.call(
        jedis -> {
          try (AbstractTransaction transaction = jedis.multi()) {
            transaction.rpush(key, values);
            transaction.ltrim(key, -MAX_TURNS, -1);
            transaction.expire(key, ttl.toSeconds());
            return transaction.exec();
          }
        });
  }
}
