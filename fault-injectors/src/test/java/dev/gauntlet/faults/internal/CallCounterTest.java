package dev.gauntlet.faults.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallCounterTest {

  @Test
  void countsCallsPerTaskFromZero() {
    CallCounter counter = new CallCounter();

    assertThat(counter.next("t-1")).isZero();
    assertThat(counter.next("t-2")).isZero();
    assertThat(counter.next("t-1")).isEqualTo(1);
    assertThat(counter.next("t-1")).isEqualTo(2);
  }

  @Test
  void forgetsTheLeastRecentlySeenTasksPastItsCapacity() {
    CallCounter counter = new CallCounter();
    counter.next("live");
    for (int i = 0; i < CallCounter.CAPACITY + 10; i++) {
      counter.next("t-" + i);
      if (i % 1000 == 0) {
        counter.next("live"); // a task still making calls stays remembered
      }
    }

    assertThat(counter.remembered()).isEqualTo(CallCounter.CAPACITY);
    assertThat(counter.next("t-0")).as("long finished, forgotten").isZero();
    assertThat(counter.next("live")).isGreaterThan(100);
  }
}
