package dev.gauntlet.agent.internal;

/**
 * The resilient agent's cache: Redis behind the {@link RedisGuard}; when Redis fails or the
 * breaker is open, a lookup says {@link CacheStatus#DEGRADED} and the task runs uncached, and a
 * store is dropped. Never throws for Redis. Thread-safe.
 */
public final class GuardedCache implements ResponseCache {
  private final RedisCache redis;
  private final RedisGuard guard;

  public GuardedCache(RedisCache redis, RedisGuard guard) {
    this.redis = redis;
    this.guard = guard;
  }

  @Override
  public CacheLookup lookup(String key) {
    return guard.attempt(() -> redis.lookup(key)).orElse(CacheLookup.DEGRADED);
  }

  @Override
  public void store(String key, String answer) {
    guard.attempt(
        () -> {
          redis.store(key, answer);
          return Boolean.TRUE;
        });
  }
}
