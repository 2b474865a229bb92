package dev.gauntlet.faults.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.run.JsonLines;
import dev.gauntlet.run.JsonLinesWriter;
import dev.gauntlet.run.TimelineEvent;
import dev.gauntlet.scenario.Fault;
import dev.gauntlet.scenario.FaultSpec;
import dev.gauntlet.scenario.Window;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each scheduled switch is logged with when the schedule wanted it and when the injector had applied it. */
class TimelineLagTest {

  @TempDir Path dir;

  private static FaultSpec outage(String name, Duration start, Duration length) {
    return new FaultSpec(
        name, new Window(start, length), 1.0, "primary", null, new Fault.Outage(503));
  }

  private List<TimelineEvent> run(
      Duration injectorTakes, Clock clock, FaultSpec spec, Duration wait)
      throws InterruptedException {
    InjectorRegistry slow =
        new InjectorRegistry()
            .register(
                Fault.Outage.class,
                (s, fault) -> {
                  sleep(injectorTakes);
                  return () -> sleep(injectorTakes);
                });
    Path file = dir.resolve("timeline.jsonl");
    try (JsonLinesWriter<Timeline.Line> out = JsonLinesWriter.append(file)) {
      try (Timeline timeline = new Timeline(List.of(spec), slow, out, clock)) {
        timeline.start();
        Thread.sleep(wait.toMillis());
      }
    }
    return JsonLines.readAll(file, TimelineEvent.class);
  }

  @Test
  void aSlowInjectorShowsAsTheLagBetweenScheduledAndAppliedTimes() throws InterruptedException {
    Instant fixedOrigin = Instant.parse("2026-01-01T00:00:00Z");
    Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), fixedOrigin));

    List<TimelineEvent> events =
        run(
            Duration.ofMillis(150),
            clock,
            outage("late", Duration.ofMillis(100), Duration.ofMillis(200)),
            Duration.ofMillis(900));

    assertThat(events).hasSize(2);
    long t0 = fixedOrigin.toEpochMilli();
    assertThat(events.get(0).scheduledMs())
        .as("on is due at t0 + 100 ms")
        .isBetween(t0 + 100, t0 + 150);
    assertThat(events.get(1).scheduledMs())
        .as("off is due at t0 + 300 ms")
        .isEqualTo(events.get(0).scheduledMs() + 200);
    assertThat(events)
        .allSatisfy(
            e ->
                assertThat(e.lagMs().orElseThrow())
                    .as("%s lag: applied after the injector's 150 ms", e.action())
                    .isGreaterThanOrEqualTo(150));
  }

  @Test
  void scheduledTimesAreTheWindowEdgesAfterT0AndNeverLaterThanTheAppliedTimes()
      throws InterruptedException {
    Instant before = Instant.now();
    List<TimelineEvent> events =
        run(
            Duration.ZERO,
            Clock.systemUTC(),
            outage("prompt", Duration.ofMillis(50), Duration.ofMillis(100)),
            Duration.ofMillis(400));

    assertThat(events).extracting(TimelineEvent::action).containsExactly("on", "off");
    // No upper bound on the lag: on a busy machine the timer thread itself may run late, which is
    // what lag shows.
    assertThat(events).allSatisfy(e -> assertThat(e.lagMs().orElseThrow()).isNotNegative());
    assertThat(events.get(0).scheduledMs()).isGreaterThanOrEqualTo(before.toEpochMilli() + 50);
    assertThat(events.get(1).scheduledMs() - events.get(0).scheduledMs()).isEqualTo(100);
  }

  @Test
  void switchesAtShutdownCarryNoScheduledTime() throws InterruptedException {
    List<TimelineEvent> events =
        run(
            Duration.ZERO,
            Clock.systemUTC(),
            outage("long", Duration.ZERO, Duration.ofMinutes(5)),
            Duration.ofMillis(50));

    assertThat(events).extracting(TimelineEvent::action).containsExactly("on", "off");
    assertThat(events.get(0).lagMs()).as("an on at t0 is scheduled").isPresent();
    assertThat(events.get(1).scheduledMs()).as("the off at close was not the schedule's").isNull();
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
