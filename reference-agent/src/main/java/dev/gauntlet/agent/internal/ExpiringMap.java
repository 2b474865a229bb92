package dev.gauntlet.agent.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BinaryOperator;

/**
 * A bounded in-process map whose entries expire a fixed time after they were last written; when
 * it is full, the least recently used entry goes. Thread-safe: every method locks the map.
 */
final class ExpiringMap<V> {
  private record Entry<V>(V value, Instant expires) {}

  private final Duration ttl;
  private final Clock clock;
  private final LinkedHashMap<String, Entry<V>> entries;

  ExpiringMap(int capacity, Duration ttl, Clock clock) {
    this.ttl = ttl;
    this.clock = clock;
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Entry<V>> eldest) {
            return size() > capacity;
          }
        };
  }

  synchronized Optional<V> get(String key) {
    Entry<V> entry = entries.get(key);
    if (entry == null || !clock.instant().isBefore(entry.expires())) {
      entries.remove(key);
      return Optional.empty();
    }
    return Optional.of(entry.value());
  }

  synchronized void put(String key, V value) {
    entries.put(key, new Entry<>(value, clock.instant().plus(ttl)));
  }

  /** Puts {@code change(old, value)} when a live entry is there, else {@code value}; the TTL starts again. */
  synchronized void merge(String key, V value, BinaryOperator<V> change) {
    put(key, get(key).map(old -> change.apply(old, value)).orElse(value));
  }
}
