package dev.gauntlet.reports.internal;

import dev.gauntlet.run.TimelineEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * How long each gpu_leak window went before its server was restarted: from the window's {@code on} event to the
 * first {@code restart} event of the same provider at or after it. Thread-safe (stateless).
 */
final class LeakDetections {

  private LeakDetections() {}

  /**
   * One gpu_leak window.
   *
   * @param fault     the fault's name
   * @param provider  the provider it leaks on, null for every one
   * @param startMs   when the window opened
   * @param restartMs when the first restart after it was requested, null when none was by the end of the data
   * @param endMs     when the data ended, the least a window without a restart went undetected
   */
  record Detection(String fault, String provider, long startMs, Long restartMs, long endMs) {

    /** Seconds from the window's start to the restart; null without one. */
    Double seconds() {
      return restartMs == null ? null : (restartMs - startMs) / 1000.0;
    }

    /** Seconds from the window's start to the end of the data: at least this long undetected. */
    double undetectedSeconds() {
      return Math.max(0, endMs - startMs) / 1000.0;
    }
  }

  /** The gpu_leak windows of {@code events} in start order; {@code endMs} is when the data ended. */
  static List<Detection> of(List<TimelineEvent> events, long endMs) {
    List<TimelineEvent> ordered = new ArrayList<>(events);
    ordered.sort(Comparator.comparingLong(TimelineEvent::tsMs));
    List<Detection> detections = new ArrayList<>();
    for (TimelineEvent on : ordered) {
      if (TimelineEvent.ON.equals(on.action()) && isGpuLeak(on.kind())) {
        Long restart =
            ordered.stream()
                .filter(
                    e ->
                        e.tsMs() >= on.tsMs()
                            && isRestart(e)
                            && (on.provider() == null || on.provider().equals(e.provider())))
                .map(TimelineEvent::tsMs)
                .findFirst()
                .orElse(null);
        detections.add(
            new Detection(
                on.fault(), on.provider(), on.tsMs(), restart, Math.max(endMs, on.tsMs())));
      }
    }
    return detections;
  }

  /** The scenario spells it {@code gpu_leak}; the timeline may write kinds with underscores, as {@code rate_limit}. */
  static boolean isGpuLeak(String kind) {
    return kind != null && "gpu_leak".equals(kind.toLowerCase(Locale.ROOT).replace('-', '_'));
  }

  /** A requested restart of a self-hosted server, written as the event's action (or, leniently, its kind). */
  private static boolean isRestart(TimelineEvent event) {
    return "restart".equals(event.action()) || "restart".equals(event.kind());
  }
}
