package dev.gauntlet.reports.metrics;

import dev.gauntlet.run.TimelineEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs a timeline's on and off events into windows, per fault name. An {@code off} without an open window and an
 * {@code on} while one is open are ignored; a window still open at the end closes at {@code runEndMs}. Thread-safe
 * (stateless).
 */
public final class FaultWindows {

  private FaultWindows() {}

  /**
   * The windows in {@code events}, ordered by start.
   *
   * @param runEndMs when the run ended, or {@link Long#MAX_VALUE} when unknown (see {@link FaultWindow#closedAt})
   */
  public static List<FaultWindow> pair(List<TimelineEvent> events, long runEndMs) {
    List<TimelineEvent> ordered = new ArrayList<>(events);
    ordered.sort(Comparator.comparingLong(TimelineEvent::tsMs));
    Map<String, TimelineEvent> open = new HashMap<>();
    List<FaultWindow> windows = new ArrayList<>();
    for (TimelineEvent event : ordered) {
      if (TimelineEvent.ON.equals(event.action())) {
        open.putIfAbsent(event.fault(), event);
      } else if (TimelineEvent.OFF.equals(event.action()) && open.containsKey(event.fault())) {
        windows.add(window(open.remove(event.fault()), event.tsMs()));
      }
    }
    open.values().forEach(on -> windows.add(window(on, Math.max(on.tsMs(), runEndMs))));
    windows.sort(Comparator.comparingLong(FaultWindow::startMs).thenComparing(FaultWindow::fault));
    return List.copyOf(windows);
  }

  /** Whether {@code epochMs} lies inside any of {@code windows}. */
  public static boolean anyContains(List<FaultWindow> windows, long epochMs) {
    for (FaultWindow window : windows) {
      if (window.contains(epochMs)) {
        return true;
      }
    }
    return false;
  }

  /** Milliseconds covered by at least one window, counting overlaps once. */
  public static long unionMs(List<FaultWindow> windows) {
    List<FaultWindow> sorted = new ArrayList<>(windows);
    sorted.sort(Comparator.comparingLong(FaultWindow::startMs));
    long total = 0;
    long coveredUntil = Long.MIN_VALUE;
    for (FaultWindow window : sorted) {
      long from = Math.max(window.startMs(), coveredUntil);
      if (window.endMs() > from) {
        total += window.endMs() - from;
        coveredUntil = window.endMs();
      }
    }
    return total;
  }

  private static FaultWindow window(TimelineEvent on, long endMs) {
    return new FaultWindow(on.fault(), on.kind(), on.tsMs(), endMs);
  }
}
