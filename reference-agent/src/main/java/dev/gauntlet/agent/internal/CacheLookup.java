package dev.gauntlet.agent.internal;

import java.util.Optional;

/**
 * What a cache lookup found. Immutable and thread-safe.
 *
 * @param status hit, miss, off or degraded
 * @param answer the cached answer; present exactly when the status is {@link CacheStatus#HIT}
 */
public record CacheLookup(CacheStatus status, Optional<String> answer) {
  public static final CacheLookup MISS = new CacheLookup(CacheStatus.MISS, Optional.empty());
  public static final CacheLookup OFF = new CacheLookup(CacheStatus.OFF, Optional.empty());
  public static final CacheLookup DEGRADED =
      new CacheLookup(CacheStatus.DEGRADED, Optional.empty());

  public static CacheLookup hit(String answer) {
    return new CacheLookup(CacheStatus.HIT, Optional.of(answer));
  }

  /** A hit when the answer is there, else a miss. */
  public static CacheLookup of(Optional<String> answer) {
    return answer.map(CacheLookup::hit).orElse(MISS);
  }
}
