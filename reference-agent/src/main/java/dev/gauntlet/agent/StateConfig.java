package dev.gauntlet.agent;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the agent keeps its conversation memory and its response cache, and for how long.
 *
 * <p>With a Redis URL both live in Redis; without one, both live in the process, bounded.
 * Immutable and thread-safe.
 *
 * @param redisUrl     the Redis server ({@code REDIS_URL}, {@code redis://} or {@code rediss://});
 *                     empty keeps memory and cache in the process
 * @param cache        whether a task's answer may come from the response cache ({@code AGENT_CACHE}, on or off)
 * @param cacheTtl     how long a cached answer lives ({@code AGENT_CACHE_TTL_S})
 * @param memoryTtl    how long a task's conversation lives after its last turn ({@code AGENT_MEMORY_TTL_S})
 * @param redisTimeout connect and read timeout of one Redis call ({@code AGENT_REDIS_TIMEOUT_MS});
 *                     resilient mode only, naive mode keeps the client's defaults
 */
public record StateConfig(
    Optional<URI> redisUrl,
    boolean cache,
    Duration cacheTtl,
    Duration memoryTtl,
    Duration redisTimeout) {

  public StateConfig {
    Objects.requireNonNull(redisUrl, "redisUrl");
    Objects.requireNonNull(cacheTtl, "cacheTtl");
    Objects.requireNonNull(memoryTtl, "memoryTtl");
    Objects.requireNonNull(redisTimeout, "redisTimeout");
    EnvReader.check(
        cacheTtl.toSeconds() >= 1, "cacheTtl must be at least 1 s, but was " + cacheTtl);
    EnvReader.check(
        memoryTtl.toSeconds() >= 1, "memoryTtl must be at least 1 s, but was " + memoryTtl);
    EnvReader.check(
        !redisTimeout.isNegative() && !redisTimeout.isZero(),
        "redisTimeout must be positive, but was " + redisTimeout);
  }

  static StateConfig fromEnvironment(EnvReader in) {
    return new StateConfig(
        in.optionalRedisUrl("REDIS_URL"),
        in.onOff("AGENT_CACHE", true),
        Duration.ofSeconds(in.integer("AGENT_CACHE_TTL_S", 3_600, 1, 2_592_000)),
        Duration.ofSeconds(in.integer("AGENT_MEMORY_TTL_S", 3_600, 1, 2_592_000)),
        Duration.ofMillis(in.integer("AGENT_REDIS_TIMEOUT_MS", 100, 1, 60_000)));
  }
}
