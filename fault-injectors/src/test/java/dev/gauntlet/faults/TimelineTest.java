package dev.gauntlet.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gauntlet.run.JsonLines;
import dev.gauntlet.run.RunDirectory;
import dev.gauntlet.run.TimelineEvent;
import dev.gauntlet.scenario.Scenario;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimelineTest {

  @TempDir Path dir;

  private static final String CHAT =
      "{\"messages\":[{\"role\":\"user\",\"content\":\"Say hello\"}]}";

  private static int call(FaultPlane plane) {
    return Http.post(URI.create(plane.providerBaseUrl("primary") + "/chat/completions"), CHAT, null)
        .statusCode();
  }

  @Test
  void faultIsOnExactlyInsideItsWindowAndTheTimelineRecordsBothEdges() throws InterruptedException {
    Scenario scenario =
        Fixtures.scenario(
            1, Fixtures.outage("blip", Duration.ofMillis(1000), Duration.ofMillis(1000), 1.0, 502));
    RunDirectory run = RunDirectory.create(dir);
    long t0;
    try (FaultPlane plane =
        FaultPlane.start(scenario, Fixtures.dataset(), run, Clock.systemUTC())) {
      t0 = System.currentTimeMillis();
      plane.startTimeline();
      assertThat(call(plane)).as("before the window").isEqualTo(200);
      Thread.sleep(1500 - (System.currentTimeMillis() - t0));
      assertThat(call(plane)).as("inside the window").isEqualTo(502);
      Thread.sleep(2500 - (System.currentTimeMillis() - t0));
      assertThat(call(plane)).as("after the window").isEqualTo(200);
    }
    List<TimelineEvent> events = JsonLines.readAll(run.timeline(), TimelineEvent.class);

    assertThat(events).extracting(TimelineEvent::action).containsExactly("on", "off");
    assertThat(events).extracting(TimelineEvent::fault).containsOnly("blip");
    assertThat(events).extracting(TimelineEvent::kind).containsOnly("outage");
    assertThat(events).extracting(TimelineEvent::provider).containsOnly("primary");
    // Half a second of slack either way: a loaded two-core CI machine delays timers, never advances
    // them.
    assertThat(events.get(0).tsMs() - t0).isBetween(1000L, 1500L);
    assertThat(events.get(1).tsMs() - t0).isBetween(2000L, 2500L);
  }

  @Test
  void closeSwitchesOffFaultsStillOnAndLogsIt() {
    Scenario scenario =
        Fixtures.scenario(1, Fixtures.rateLimit("long", 1.0, Duration.ofSeconds(1)));
    RunDirectory run = RunDirectory.create(dir);
    FaultPlane plane = FaultPlane.start(scenario, Fixtures.dataset(), run, Clock.systemUTC());
    plane.startTimeline();
    plane.close();
    plane.close();

    assertThat(JsonLines.readAll(run.timeline(), TimelineEvent.class))
        .extracting(TimelineEvent::fault, TimelineEvent::action)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("long", "on"),
            org.assertj.core.groups.Tuple.tuple("long", "off"));
  }

  @Test
  void timelineStartsOnlyOnce() {
    try (FaultPlane plane =
        FaultPlane.start(
            Fixtures.scenario(1),
            Fixtures.dataset(),
            RunDirectory.create(dir),
            Clock.systemUTC())) {
      plane.startTimeline();
      assertThatThrownBy(plane::startTimeline)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith(
              "timeline must be started once and before close, but was started at ");
    }
  }
}
