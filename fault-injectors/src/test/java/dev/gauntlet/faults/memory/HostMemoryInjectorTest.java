package dev.gauntlet.faults.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

@EnabledOnOs(value = OS.LINUX, disabledReason = "resident memory is read from /proc")
class HostMemoryInjectorTest {

  private static final long ASKED_MIB = 256;

  @Test
  void movesAChildProcessRssByWhatWasAskedAndGivesItBack() throws Exception {
    try (ChildJvm child = ChildJvm.start()) {
      ProcessMemorySampler rss = ProcessMemorySampler.of(child.pid());
      Thread.sleep(300);
      double before = rss.sample().residentMegabytes();

      assertThat(child.send("inject " + ASKED_MIB + " 512"))
          .isEqualTo("held " + ASKED_MIB * MemoryRamp.MIB);
      double held = rss.sample().residentMegabytes();
      assertThat(child.send("release")).isEqualTo("released 0");
      double after = rss.sample().residentMegabytes();

      System.out.printf(
          "child RSS: asked %d MiB; before %.1f, held %.1f (+%.1f), released %.1f (%+.1f)%n",
          ASKED_MIB, before, held, held - before, after, after - before);
      assertThat(held - before)
          .as("RSS growth while held, MiB")
          .isCloseTo(ASKED_MIB, within(ASKED_MIB * 0.05));
      assertThat(after - before)
          .as("RSS left after release, MiB")
          .isCloseTo(0, within(ASKED_MIB * 0.05));
    }
  }

  /**
   * The same in the test JVM itself, where the rest of the JVM (heap growth, JIT, other tests) also moves RSS while
   * the injector ramps: growth is asserted as a lower bound, and the drop on release, which is instantaneous, to
   * ±5%. The child-process test above is the exact one.
   */
  @Test
  void movesThisProcessRssByWhatWasAsked() throws Exception {
    ProcessMemorySampler rss = ProcessMemorySampler.self();
    double before = anonMib(rss);
    double held;
    try (MemoryHold hold =
        HostMemoryInjector.load().start(new MemoryRamp(ASKED_MIB, Double.POSITIVE_INFINITY))) {
      assertThat(hold.awaitTarget(Duration.ofSeconds(30))).isTrue();
      held = anonMib(rss);
    }
    double after = anonMib(rss);
    System.out.printf(
        "own RssAnon: asked %d MiB; held %+.1f, dropped %.1f on release%n",
        ASKED_MIB, held - before, held - after);
    assertThat(held - before)
        .as("RssAnon growth while held, MiB")
        .isGreaterThanOrEqualTo(ASKED_MIB * 0.95);
    assertThat(held - after)
        .as("RssAnon drop on release, MiB")
        .isCloseTo(ASKED_MIB, within(ASKED_MIB * 0.05));
  }

  private static double anonMib(ProcessMemorySampler rss) {
    return rss.sample().anonymousBytes() / (double) MemoryRamp.MIB;
  }

  @Test
  void rampsAtTheAskedRate() throws Exception {
    try (MemoryHold hold = HostMemoryInjector.load().start(new MemoryRamp(64, 128))) {
      long start = System.nanoTime();
      Thread.sleep(200);
      assertThat(hold.allocatedBytes())
          .as("bytes after 0.2 s at 128 MiB/s")
          .isBetween(8 * MemoryRamp.MIB, 56 * MemoryRamp.MIB);
      assertThat(hold.awaitTarget(Duration.ofSeconds(10))).isTrue();
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))
          .as("ms to 64 MiB at 128 MiB/s")
          .isBetween(450L, 1500L);
    }
  }

  @Test
  void closingTwiceIsHarmless() {
    MemoryHold hold = HostMemoryInjector.load().start(new MemoryRamp(8, Double.POSITIVE_INFINITY));
    hold.close();
    hold.close();
    assertThat(hold.allocatedBytes()).isZero();
  }

  @Test
  void aChildThatExitsHoldingMemoryExitsCleanly() throws Exception {
    ChildJvm child = ChildJvm.start();
    assertThat(child.send("inject 32 1000")).startsWith("held");
    assertThat(child.send("hold-and-exit")).isEqualTo("exiting");
    assertThat(child.process().waitFor(10, TimeUnit.SECONDS))
        .as("child exited through its shutdown hook")
        .isTrue();
    assertThat(child.process().exitValue()).isZero();
  }
}
