package dev.gauntlet.reports.internal;

import dev.gauntlet.reports.FaultPlaneCheck;
import dev.gauntlet.reports.Status;
import dev.gauntlet.run.TimelineEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares each scheduled fault switch's applied time with its scheduled time ({@link TimelineEvent#lagMs()}). A
 * switch applied more than {@code maxLag} late moved its window's edge, so the SLOs of that window are not about the
 * window the scenario asked for. Switches by hand, at shutdown, and timelines written before scheduled times were
 * kept are not checked. Immutable and thread-safe.
 */
final class SwitchLag {

  private final List<TimelineEvent> late;
  private final long checked;
  private final long maxLagMs;
  private final long originMs;

  private SwitchLag(List<TimelineEvent> late, long checked, long maxLagMs, long originMs) {
    this.late = List.copyOf(late);
    this.checked = checked;
    this.maxLagMs = maxLagMs;
    this.originMs = originMs;
  }

  /** Checks {@code events}; {@code originMs} (the run's start, 0 if unknown) is where the message counts time from. */
  static SwitchLag of(List<TimelineEvent> events, Duration maxLag, long originMs) {
    List<TimelineEvent> late = new ArrayList<>();
    long checked = 0;
    for (TimelineEvent e : events) {
      if (e.lagMs().isPresent()) {
        checked++;
        if (e.lagMs().getAsLong() > maxLag.toMillis()) {
          late.add(e);
        }
      }
    }
    return new SwitchLag(late, checked, maxLag.toMillis(), originMs);
  }

  /** Whether some switch was late. */
  boolean anyLate() {
    return !late.isEmpty();
  }

  /** Why the SLOs of the late windows are unresolved: "fault X was switched on 340 ms late by the harness; …". */
  String blame() {
    TimelineEvent first = late.get(0);
    return describe(first)
        + (late.size() > 1
            ? " (and "
                + (late.size() - 1)
                + " more late switch"
                + (late.size() > 2 ? "es" : "")
                + ")"
            : "")
        + "; its window is not where the scenario put it, so the SLOs "
        + "of fault windows are not judged (evaluation.max_switch_lag "
        + maxLagMs
        + " ms)";
  }

  FaultPlaneCheck check() {
    if (late.isEmpty()) {
      return new FaultPlaneCheck(
          "fault_switch_lag",
          Status.PASSED,
          checked == 0
              ? "no scheduled fault switch to check"
              : "all " + checked + " scheduled fault switches applied within " + maxLagMs + " ms",
          checked,
          0,
          List.of());
    }
    return new FaultPlaneCheck(
        "fault_switch_lag",
        Status.UNRESOLVED,
        blame(),
        checked,
        late.size(),
        late.stream().limit(5).map(this::describe).toList());
  }

  private String describe(TimelineEvent e) {
    String at =
        originMs > 0
            ? " (scheduled at +" + Format.number((e.scheduledMs() - originMs) / 1000.0, 3) + " s)"
            : "";
    return "fault "
        + e.fault()
        + " was switched "
        + e.action()
        + " "
        + e.lagMs().getAsLong()
        + " ms late by the harness"
        + at;
  }
}
