package dev.gauntlet.reports.internal;

import dev.gauntlet.reports.metrics.FaultWindow;
import dev.gauntlet.run.LedgerEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * The run cut into segments that every metric is measured over again: per fault window the phases before, during
 * and after it, and the time buckets of the series. A task belongs to the segments its start falls in, a ledger
 * entry to those its timestamp falls in, as for the SLO scopes. Not thread-safe.
 */
final class Segments {

  private final List<FaultWindow> windows;
  private final List<ScopeTotals[]> phases = new ArrayList<>();
  private final SeriesTotals series;

  /** Segments around {@code windows} (as the timeline opened them) and over {@code series}' buckets. */
  Segments(List<FaultWindow> windows, SeriesTotals series) {
    this.windows = windows;
    this.series = series;
    windows.forEach(
        w ->
            phases.add(
                new ScopeTotals[] {new ScopeTotals(), new ScopeTotals(), new ScopeTotals()}));
  }

  /** Adds one task, started at {@code startMs}, to its phase of every window and to its bucket. */
  void addTask(
      long startMs, boolean succeeded, long latencyMs, Boolean correct, boolean good, Long ttftMs) {
    for (int i = 0; i < windows.size(); i++) {
      phases.get(i)[phase(windows.get(i), startMs)].addTask(
          succeeded, latencyMs, correct, good, ttftMs);
    }
    series.at(startMs).addTask(succeeded, latencyMs, correct, good, ttftMs);
  }

  /** Adds one ledger entry to its phase of every window of {@code closed} (the same windows, maybe closed). */
  void addLedger(LedgerEntry entry, List<FaultWindow> closed) {
    for (int i = 0; i < closed.size(); i++) {
      phases.get(i)[phase(closed.get(i), entry.tsMs())].addLedger(entry);
    }
    series.at(entry.tsMs()).addLedger(entry);
  }

  /**
   * Sets each phase's wall-clock span: before from the run's start, after until its end; left unknown (-1) where
   * the run's start is unknown ({@code runStartMs} 0) or the span is empty.
   */
  void durations(List<FaultWindow> closed, long runStartMs, long runEndMs) {
    for (int i = 0; i < closed.size(); i++) {
      FaultWindow w = closed.get(i);
      ScopeTotals[] p = phases.get(i);
      p[0].durationMs(runStartMs > 0 && w.startMs() > runStartMs ? w.startMs() - runStartMs : -1);
      p[1].durationMs(w.endMs() > w.startMs() ? w.endMs() - w.startMs() : -1);
      p[2].durationMs(runStartMs > 0 && runEndMs > w.endMs() ? runEndMs - w.endMs() : -1);
    }
  }

  /** Per window, in timeline order, the totals before, during and after it. */
  List<ScopeTotals[]> phases() {
    return phases;
  }

  SeriesTotals series() {
    return series;
  }

  static int phase(FaultWindow window, long tsMs) {
    return tsMs < window.startMs() ? 0 : window.contains(tsMs) ? 1 : 2;
  }
}
