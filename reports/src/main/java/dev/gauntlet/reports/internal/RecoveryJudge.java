package dev.gauntlet.reports.internal;

import dev.gauntlet.reports.FaultWindowResult;
import dev.gauntlet.reports.SloResult;
import dev.gauntlet.reports.metrics.RecoveryResult.State;
import dev.gauntlet.scenario.SloSpec;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Judges a recovery_time SLO on the worst fault window. A window that had not recovered when the data ended fails
 * the SLO once more time than allowed has passed, and leaves it unresolved before that. Thread-safe.
 */
final class RecoveryJudge {

  private final List<FaultWindowResult> windows;
  private final long tasks;
  private final int minSamples;

  RecoveryJudge(List<FaultWindowResult> windows, long tasks, int minSamples) {
    this.windows = windows;
    this.tasks = tasks;
    this.minSamples = minSamples;
  }

  SloResult judge(SloSpec spec, String name) {
    if (windows.isEmpty()) {
      return SloJudge.unresolved(spec, name, null, "could not be measured: the run had no fault windows");
    }
    if (tasks < minSamples) {
      return SloJudge.unresolved(spec, name, null, "could not be judged: " + tasks
          + " tasks behind it, needs at least " + minSamples + " (evaluation.min_samples)");
    }
    Optional<FaultWindowResult> stuck = worst(State.NOT_RECOVERED);
    if (stuck.isPresent() && !SloJudge.within(spec, stuck.get().recovery().seconds())) {
      SloResult failed = SloJudge.compared(spec, name, stuck.get().recovery().seconds(), true);
      return withNote(failed, stuck.get().fault() + " had not recovered when the data ended");
    }
    Optional<FaultWindowResult> slowest = worst(State.RECOVERED);
    if (slowest.isPresent() && !SloJudge.within(spec, slowest.get().recovery().seconds())) {
      return withNote(SloJudge.compared(spec, name, slowest.get().recovery().seconds(), false), slowest.get().fault());
    }
    Optional<String> pending = pending();
    if (pending.isPresent()) {
      return SloJudge.unresolved(spec, name, null, "could not be judged: " + pending.get());
    }
    return withNote(SloJudge.compared(spec, name, slowest.get().recovery().seconds(), false),
        "worst: " + slowest.get().fault());
  }

  private Optional<FaultWindowResult> worst(State state) {
    return windows.stream().filter(w -> w.recovery().state() == state)
        .max(Comparator.comparingDouble(w -> w.recovery().seconds()));
  }

  private Optional<String> pending() {
    for (FaultWindowResult window : windows) {
      if (window.recovery().state() == State.NO_DATA) {
        return Optional.of("no task finished after " + window.fault() + " ended");
      }
      if (window.recovery().state() == State.NOT_RECOVERED) {
        return Optional.of(window.fault() + " had not recovered " + Format.number(window.recovery().seconds(), 3)
            + " s after it ended, when the data ended, and the SLO allows longer");
      }
    }
    return Optional.empty();
  }

  /** Inserts {@code note} after the measured value: "recovery_time was 42 s (outage-1), must be …". */
  static SloResult withNote(SloResult result, String note) {
    String message = result.message().replaceFirst(", must be ", " (" + java.util.regex.Matcher.quoteReplacement(note)
        + "), must be ");
    return new SloResult(result.name(), result.spec(), result.measured(), result.lowerBound(), result.status(),
        message);
  }
}
