package dev.gauntlet.reports.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.run.TimelineEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultWindowsTest {

  private static TimelineEvent on(long ts, String fault) {
    return new TimelineEvent(ts, fault, "outage", TimelineEvent.ON, null);
  }

  private static TimelineEvent off(long ts, String fault) {
    return new TimelineEvent(ts, fault, "outage", TimelineEvent.OFF, null);
  }

  @Test
  void pairsOnAndOffPerFaultName() {
    List<FaultWindow> windows =
        FaultWindows.pair(
            List.of(
                on(100, "a"),
                on(150, "b"),
                off(200, "a"),
                off(400, "b"),
                on(500, "a"),
                off(600, "a")),
            1_000);

    assertThat(windows)
        .containsExactly(
            new FaultWindow("a", "outage", 100, 200),
            new FaultWindow("b", "outage", 150, 400),
            new FaultWindow("a", "outage", 500, 600));
  }

  @Test
  void closesAWindowStillOpenAtTheRunEnd() {
    assertThat(FaultWindows.pair(List.of(on(100, "a")), 900))
        .containsExactly(new FaultWindow("a", "outage", 100, 900));
  }

  @Test
  void ignoresAnOffWithoutOnAndARepeatedOn() {
    List<FaultWindow> windows =
        FaultWindows.pair(List.of(off(50, "a"), on(100, "a"), on(120, "a"), off(300, "a")), 1_000);

    assertThat(windows).containsExactly(new FaultWindow("a", "outage", 100, 300));
  }

  @Test
  void unionCountsOverlapsOnce() {
    List<FaultWindow> windows =
        List.of(
            new FaultWindow("a", "x", 0, 100),
            new FaultWindow("b", "x", 50, 150),
            new FaultWindow("c", "x", 300, 400));

    assertThat(FaultWindows.unionMs(windows)).isEqualTo(250);
  }
}
