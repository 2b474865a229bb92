package dev.gauntlet.faults.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.gauntlet.faults.admin.FaultState;
import dev.gauntlet.run.JsonLines;
import dev.gauntlet.run.JsonLinesWriter;
import dev.gauntlet.run.TimelineEvent;
import dev.gauntlet.scenario.Fault;
import dev.gauntlet.scenario.FaultSpec;
import dev.gauntlet.scenario.Window;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Manual switches and the schedule act on the same faults without fighting, and each is logged with who made it. */
class TimelineSwitchingTest {

  @TempDir Path dir;

  private final List<String> injected = new CopyOnWriteArrayList<>();
  private JsonLinesWriter<Timeline.Line> out;

  @BeforeEach
  void open() {
    out = JsonLinesWriter.append(dir.resolve("timeline.jsonl"));
  }

  @AfterEach
  void close() {
    out.close();
  }

  private Timeline timeline(FaultSpec... specs) {
    InjectorRegistry registry =
        new InjectorRegistry()
            .register(
                Fault.Outage.class,
                (spec, fault) -> {
                  injected.add(spec.name() + " on");
                  return () -> injected.add(spec.name() + " off");
                });
    return new Timeline(List.of(specs), registry, out, Clock.systemUTC());
  }

  private static FaultSpec outage(String name, Duration start, Duration length) {
    return new FaultSpec(
        name, new Window(start, length), 1.0, "primary", null, new Fault.Outage(503));
  }

  private List<Timeline.Line> lines() {
    return JsonLines.readAll(dir.resolve("timeline.jsonl"), Timeline.Line.class);
  }

  @Test
  void manualSwitchesWorkBeforeTheScheduleStartsAndAreLoggedAsManual() {
    try (Timeline timeline =
        timeline(outage("blip", Duration.ofMinutes(1), Duration.ofMinutes(1)))) {
      assertThat(timeline.switchOn("blip").on()).isTrue();
      assertThat(timeline.states())
          .singleElement()
          .extracting(FaultState::on, FaultState::source)
          .containsExactly(true, FaultState.MANUAL);
      assertThat(timeline.switchOff("blip").on()).isFalse();
    }

    assertThat(injected).containsExactly("blip on", "blip off");
    assertThat(lines())
        .extracting(Timeline.Line::action, Timeline.Line::by)
        .containsExactly(tuple("on", "manual"), tuple("off", "manual"));
  }

  @Test
  void switchingOnAFaultThatIsAlreadyOnIsRefusedSayingWhoSwitchedIt() {
    try (Timeline timeline = timeline(outage("storm", Duration.ZERO, Duration.ofMinutes(1)))) {
      timeline.start();

      assertThatThrownBy(() -> timeline.switchOn("storm"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "fault 'storm' is already on (switched on by the schedule); switch it off first");
    }
    assertThat(injected)
        .as("the refused switch injected nothing")
        .containsExactly("storm on", "storm off");
  }

  @Test
  void switchingOffAFaultThatIsOffIsRefused() {
    try (Timeline timeline =
        timeline(outage("storm", Duration.ofMinutes(1), Duration.ofMinutes(1)))) {
      assertThatThrownBy(() -> timeline.switchOff("storm"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("fault 'storm' is already off; switch it on first");
    }
  }

  @Test
  void unknownFaultIsRefusedNamingTheKnownOnes() {
    try (Timeline timeline =
        timeline(
            outage("a", Duration.ZERO, Duration.ofMinutes(1)),
            outage("b", Duration.ZERO, Duration.ofMinutes(1)))) {
      assertThatThrownBy(() -> timeline.switchOn("c"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("fault must be one of [a, b], but was 'c'");
    }
  }

  @Test
  void scheduleSwitchesOffAFaultSwitchedOnByHand() throws InterruptedException {
    try (Timeline timeline = timeline(outage("blip", Duration.ZERO, Duration.ofMillis(300)))) {
      timeline.switchOn("blip");
      timeline.start(); // its window opens now: already on, so the schedule writes nothing
      Thread.sleep(1000);

      assertThat(timeline.states())
          .singleElement()
          .extracting(FaultState::on, FaultState::source)
          .containsExactly(false, FaultState.SCHEDULE);
    }
    assertThat(injected).containsExactly("blip on", "blip off");
    assertThat(lines())
        .extracting(Timeline.Line::action, Timeline.Line::by)
        .containsExactly(tuple("on", "manual"), tuple("off", "schedule"));
  }

  @Test
  void scheduleSwitchesOnAFaultSwitchedOffByHandWhenItsWindowStarts() throws InterruptedException {
    try (Timeline timeline =
        timeline(outage("late", Duration.ofMillis(300), Duration.ofMinutes(1)))) {
      timeline.start();
      timeline.switchOn("late");
      timeline.switchOff("late");
      Thread.sleep(1000);

      assertThat(timeline.states()).singleElement().extracting(FaultState::on).isEqualTo(true);
    }
    assertThat(lines())
        .extracting(Timeline.Line::action, Timeline.Line::by)
        .containsExactly(
            tuple("on", "manual"),
            tuple("off", "manual"),
            tuple("on", "schedule"),
            tuple("off", "shutdown"));
  }

  @Test
  void scheduleLeavesAFaultSwitchedOffByHandOffAtItsWindowsEnd() throws InterruptedException {
    try (Timeline timeline = timeline(outage("early", Duration.ZERO, Duration.ofMillis(300)))) {
      timeline.start();
      timeline.switchOff("early");
      Thread.sleep(1000);
    }
    assertThat(lines())
        .extracting(Timeline.Line::action, Timeline.Line::by)
        .containsExactly(tuple("on", "schedule"), tuple("off", "manual"));
  }

  @Test
  void linesStayReadableAsTimelineEvents() {
    try (Timeline timeline =
        timeline(outage("blip", Duration.ofMinutes(1), Duration.ofMinutes(1)))) {
      timeline.switchOn("blip");
    }
    assertThat(JsonLines.readAll(dir.resolve("timeline.jsonl"), TimelineEvent.class))
        .extracting(
            TimelineEvent::fault,
            TimelineEvent::kind,
            TimelineEvent::action,
            TimelineEvent::provider)
        .containsExactly(
            tuple("blip", "outage", "on", "primary"), tuple("blip", "outage", "off", "primary"));
  }

  @Test
  void afterCloseManualSwitchesAreRefused() {
    Timeline timeline = timeline(outage("blip", Duration.ZERO, Duration.ofMinutes(1)));
    timeline.close();

    assertThatThrownBy(() -> timeline.switchOn("blip"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("fault 'blip' cannot be switched: the fault plane is closed");
  }
}
