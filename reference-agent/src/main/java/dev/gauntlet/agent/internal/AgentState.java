package dev.gauntlet.agent.internal;

import dev.gauntlet.agent.StateConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The agent's conversation memory and response cache, built for its configuration and mode:
 * in the process without Redis; with Redis, bare in naive mode (a Redis failure fails the task)
 * or behind short timeouts and a shared circuit breaker in resilient mode (a Redis failure means
 * no cache and memory in the process). Close it to release the Redis client. Thread-safe.
 *
 * @param memory the conversation memory
 * @param cache  the response cache, {@link ResponseCache#OFF} when switched off
 * @param redis  the Redis client, to close; empty without Redis
 */
public record AgentState(ConversationMemory memory, ResponseCache cache, Optional<Redis> redis)
    implements AutoCloseable {
  /** How long the resilient agent leaves Redis alone after its breaker opened. */
  public static final Duration BREAKER_OPEN = Duration.ofSeconds(1);

  public static AgentState of(StateConfig config, boolean resilient, Clock clock) {
    if (config.redisUrl().isEmpty()) {
      ResponseCache cache =
          config.cache() ? new LocalCache(config.cacheTtl(), clock) : ResponseCache.OFF;
      return new AgentState(new LocalMemory(config.memoryTtl(), clock), cache, Optional.empty());
    }
    Redis redis =
        Redis.connect(
            config.redisUrl().get(),
            resilient ? Optional.of(config.redisTimeout()) : Optional.empty());
    RedisMemory memory = new RedisMemory(redis, config.memoryTtl());
    RedisCache cache = new RedisCache(redis, config.cacheTtl());
    if (!resilient) {
      return new AgentState(memory, config.cache() ? cache : ResponseCache.OFF, Optional.of(redis));
    }
    RedisGuard guard = new RedisGuard(config.redisTimeout(), BREAKER_OPEN);
    return new AgentState(
        new GuardedMemory(memory, new LocalMemory(config.memoryTtl(), clock), guard),
        config.cache() ? new GuardedCache(cache, guard) : ResponseCache.OFF,
        Optional.of(redis));
  }

  @Override
  public void close() {
    redis.ifPresent(Redis::close);
  }
}
