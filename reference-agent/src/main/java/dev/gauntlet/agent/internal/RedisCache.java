package dev.gauntlet.agent.internal;

import java.time.Duration;
import java.util.Optional;
import redis.clients.jedis.params.SetParams;

/**
 * The response cache in Redis: one string per answer under {@code gauntlet:agent:cache:<key>},
 * expiring after the TTL. Failures pass through as {@link StoreFailedException}. Thread-safe.
 */
public final class RedisCache implements ResponseCache {
  public static final String PREFIX = "gauntlet:agent:cache:";

  private final Redis redis;
  private final Duration ttl;

  public RedisCache(Redis redis, Duration ttl) {
    this.redis = redis;
    this.ttl = ttl;
  }

  @Override
  public CacheLookup lookup(String key) {
    return CacheLookup.of(Optional.ofNullable(redis.call(jedis -> jedis.get(PREFIX + key))));
  }

  @Override
  public void store(String key, String answer) {
    redis.call(jedis -> jedis.set(PREFIX + key, answer, SetParams.setParams().ex(ttl.toSeconds())));
  }
}
