package dev.gauntlet.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LocalMemoryTest {
  private final MovableClock clock = new MovableClock();

  @Test
  void keepsTheTurnsOfEachTaskInOrder() {
    LocalMemory memory = new LocalMemory(Duration.ofMinutes(1), clock);
    memory.append("t-1", List.of(MemoryTurn.user("a"), MemoryTurn.assistant("b")));
    memory.append("t-2", List.of(MemoryTurn.user("x")));
    memory.append("t-1", List.of(MemoryTurn.user("c")));

    assertThat(memory.history("t-1"))
        .extracting(MemoryTurn::content)
        .containsExactly("a", "b", "c");
    assertThat(memory.history("t-3")).isEmpty();
  }

  @Test
  void keepsOnlyTheLatestTurns() {
    LocalMemory memory = new LocalMemory(Duration.ofMinutes(1), clock);
    IntStream.range(0, 25)
        .forEach(i -> memory.append("t-1", List.of(MemoryTurn.user("turn " + i))));

    assertThat(memory.history("t-1")).hasSize(ConversationMemory.MAX_TURNS);
    assertThat(memory.history("t-1").get(0).content()).isEqualTo("turn 5");
  }

  @Test
  void forgetsATaskTheTtlAfterItsLastTurn() {
    LocalMemory memory = new LocalMemory(Duration.ofMinutes(1), clock);
    memory.append("t-1", List.of(MemoryTurn.user("a")));
    clock.advance(Duration.ofSeconds(50));
    memory.append("t-1", List.of(MemoryTurn.user("b")));
    clock.advance(Duration.ofSeconds(50));

    assertThat(memory.history("t-1")).as("the second turn restarted the TTL").hasSize(2);
    clock.advance(Duration.ofSeconds(10));
    assertThat(memory.history("t-1")).isEmpty();
  }

  @Test
  void aCachedAnswerExpiresAndTheCacheIsBounded() {
    LocalCache cache = new LocalCache(Duration.ofMinutes(1), clock);
    cache.store("k", "answer");

    assertThat(cache.lookup("k")).isEqualTo(CacheLookup.hit("answer"));
    clock.advance(Duration.ofMinutes(1));
    assertThat(cache.lookup("k")).isEqualTo(CacheLookup.MISS);

    IntStream.range(0, LocalCache.CAPACITY + 1).forEach(i -> cache.store("k" + i, "a"));
    assertThat(cache.lookup("k0")).as("the least recently used went").isEqualTo(CacheLookup.MISS);
    assertThat(cache.lookup("k" + LocalCache.CAPACITY)).isEqualTo(CacheLookup.hit("a"));
  }

  @Test
  void aStrangersEntryIsSkippedNotFatal() {
    assertThat(MemoryTurn.parse("not json")).isEmpty();
    assertThat(MemoryTurn.parse("{\"role\":\"system\",\"content\":\"x\"}")).isEmpty();
    assertThat(MemoryTurn.parse(MemoryTurn.assistant("ok").toJson()))
        .contains(MemoryTurn.assistant("ok"));
  }

  private static final class MovableClock extends Clock {
    private Instant now = Instant.parse("2025-01-01T00:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
