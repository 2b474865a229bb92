package dev.gauntlet.reports.internal;

import dev.gauntlet.reports.FaultWindowResult;
import dev.gauntlet.reports.SloResult;
import dev.gauntlet.reports.metrics.RecoveryResult;
import dev.gauntlet.reports.metrics.RecoveryResult.State;
import dev.gauntlet.scenario.SloSpec;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Judges a recovery_time SLO on the worst fault window. A window that had not recovered when the data ended fails
 * the SLO once more time than allowed has passed, and leaves it unresolved before that. The same judge, given another
 * per-window time ({@link #failover}, {@link #detection}), judges failover_time and time_to_detect. Thread-safe.
 */
final class RecoveryJudge {

  private final List<FaultWindowResult> windows;
  private final long tasks;
  private final int minSamples;
  private final Function<FaultWindowResult, RecoveryResult> time;
  private final Wording wording;

  /** How a per-window time is spoken of in messages, and whether a window that never got there can fail the SLO. */
  record Wording(String notYet, String failed, String noData, boolean notYetFails) {}

  RecoveryJudge(List<FaultWindowResult> windows, long tasks, int minSamples) {
    this(
        windows,
        tasks,
        minSamples,
        FaultWindowResult::recovery,
        new Wording(
            "had not recovered %s s after it ended, when the data ended",
            "had not recovered when the data ended", "no task started after %s ended", true));
  }

  RecoveryJudge(
      List<FaultWindowResult> windows,
      long tasks,
      int minSamples,
      Function<FaultWindowResult, RecoveryResult> time,
      Wording wording) {
    this.windows = windows;
    this.tasks = tasks;
    this.minSamples = minSamples;
    this.time = time;
    this.wording = wording;
  }

  /** A judge of failover_time: a window whose tasks never got healthy while it was on fails once it was too long. */
  static RecoveryJudge failover(List<FaultWindowResult> windows, long tasks, int minSamples) {
    return new RecoveryJudge(
        windows,
        tasks,
        minSamples,
        w -> w.timing().failover(),
        new Wording(
            "had not failed over when it ended, %s s after it started",
            "had not failed over when it ended", "no task ran while %s was on", true));
  }

  /** A judge of time_to_detect: a window in which nothing showed the fault leaves it unresolved. */
  static RecoveryJudge detection(List<FaultWindowResult> windows, long tasks, int minSamples) {
    return new RecoveryJudge(
        windows,
        tasks,
        minSamples,
        w -> w.timing().detection(),
        new Wording(
            "showed nothing in its %s s (no failed task, no call to a provider unused before it)",
            "showed nothing while it was on", "no task ran while %s was on", false));
  }

  SloResult judge(SloSpec spec, String name) {
    if (windows.isEmpty()) {
      return SloJudge.unresolved(
          spec, name, null, "could not be measured: the run had no fault windows");
    }
    if (tasks < minSamples) {
      return SloJudge.unresolved(
          spec,
          name,
          null,
          "could not be judged: "
              + tasks
              + " tasks behind it, needs at least "
              + minSamples
              + " (evaluation.min_samples)");
    }
    Optional<FaultWindowResult> stuck = worst(State.NOT_RECOVERED);
    if (wording.notYetFails()
        && stuck.isPresent()
        && !SloJudge.within(spec, seconds(stuck.get()))) {
      SloResult failed = SloJudge.compared(spec, name, seconds(stuck.get()), true);
      return withNote(failed, stuck.get().fault() + " " + wording.failed());
    }
    Optional<FaultWindowResult> slowest = worst(State.RECOVERED);
    if (slowest.isPresent() && !SloJudge.within(spec, seconds(slowest.get()))) {
      return withNote(
          SloJudge.compared(spec, name, seconds(slowest.get()), false), slowest.get().fault());
    }
    Optional<String> pending = pending();
    if (pending.isPresent()) {
      return SloJudge.unresolved(spec, name, null, "could not be judged: " + pending.get());
    }
    return withNote(
        SloJudge.compared(spec, name, seconds(slowest.get()), false),
        "worst: " + slowest.get().fault());
  }

  private double seconds(FaultWindowResult window) {
    return time.apply(window).seconds();
  }

  private Optional<FaultWindowResult> worst(State state) {
    return windows.stream()
        .filter(w -> time.apply(w).state() == state)
        .max(Comparator.comparingDouble(this::seconds));
  }

  private Optional<String> pending() {
    for (FaultWindowResult window : windows) {
      if (time.apply(window).state() == State.NO_DATA) {
        return Optional.of(String.format(Locale.ROOT, wording.noData(), window.fault()));
      }
      if (time.apply(window).state() == State.NOT_RECOVERED) {
        return Optional.of(
            window.fault()
                + " "
                + String.format(Locale.ROOT, wording.notYet(), Format.number(seconds(window), 3))
                + (wording.notYetFails() ? ", and the SLO allows longer" : ""));
      }
    }
    return Optional.empty();
  }

  /** Inserts {@code note} after the measured value: "recovery_time was 42 s (outage-1), must be …". */
  static SloResult withNote(SloResult result, String note) {
    String message =
        result
            .message()
            .replaceFirst(
                ", must be ",
                " (" + java.util.regex.Matcher.quoteReplacement(note) + "), must be ");
    return new SloResult(
        result.name(),
        result.spec(),
        result.measured(),
        result.lowerBound(),
        result.status(),
        message);
  }
}
