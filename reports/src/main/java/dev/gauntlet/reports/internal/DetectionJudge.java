package dev.gauntlet.reports.internal;

import dev.gauntlet.reports.SloResult;
import dev.gauntlet.reports.internal.LeakDetections.Detection;
import dev.gauntlet.scenario.SloSpec;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Measures and judges {@code leak.detection_time} on the slowest gpu_leak window. A window whose server was never
 * restarted fails the SLO once it went undetected longer than allowed (its time is then a lower bound, as for a
 * window that never recovered), and leaves it unresolved before that. Thread-safe.
 */
final class DetectionJudge {

  private final List<Detection> detections;

  DetectionJudge(List<Detection> detections) {
    this.detections = List.copyOf(detections);
  }

  /** The slowest window's detection time; missing without windows or while any window has no restart. */
  Measurement measure() {
    if (detections.isEmpty()) {
      return Measurement.missing("the run had no gpu_leak window");
    }
    Optional<Detection> undetected = undetected();
    if (undetected.isPresent()) {
      return Measurement.missing(undetectedText(undetected.get()));
    }
    return Measurement.of(slowest().orElseThrow().seconds(), -1);
  }

  SloResult judge(SloSpec spec, String name) {
    if (detections.isEmpty()) {
      return SloJudge.unresolved(
          spec, name, null, "could not be measured: the run had no gpu_leak window");
    }
    Optional<Detection> undetected = undetected();
    if (undetected.isPresent() && !SloJudge.within(spec, undetected.get().undetectedSeconds())) {
      return RecoveryJudge.withNote(
          SloJudge.compared(spec, name, undetected.get().undetectedSeconds(), true),
          undetectedText(undetected.get()));
    }
    Optional<Detection> slowest = slowest();
    if (slowest.isPresent() && !SloJudge.within(spec, slowest.get().seconds())) {
      return RecoveryJudge.withNote(
          SloJudge.compared(spec, name, slowest.get().seconds(), false), slowest.get().fault());
    }
    if (undetected.isPresent()) {
      return SloJudge.unresolved(
          spec,
          name,
          null,
          "could not be judged: "
              + undetectedText(undetected.get())
              + ", and the SLO allows longer");
    }
    return RecoveryJudge.withNote(
        SloJudge.compared(spec, name, slowest.orElseThrow().seconds(), false),
        "worst: " + slowest.get().fault());
  }

  private Optional<Detection> undetected() {
    return detections.stream()
        .filter(d -> d.restartMs() == null)
        .max(Comparator.comparingDouble(Detection::undetectedSeconds));
  }

  private Optional<Detection> slowest() {
    return detections.stream()
        .filter(d -> d.restartMs() != null)
        .max(Comparator.comparingDouble(Detection::seconds));
  }

  private static String undetectedText(Detection d) {
    return d.fault()
        + " had no restart of "
        + Objects.requireNonNullElse(d.provider(), "its server")
        + " "
        + Format.number(d.undetectedSeconds(), 3)
        + " s after it started, when the data ended";
  }
}
