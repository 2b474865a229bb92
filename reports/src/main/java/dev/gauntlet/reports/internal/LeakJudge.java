package dev.gauntlet.reports.internal;

import dev.gauntlet.reports.SloResult;
import dev.gauntlet.reports.Status;
import dev.gauntlet.reports.internal.LeakMeter.SourceFit;
import dev.gauntlet.reports.leak.LeakDetector;
import dev.gauntlet.reports.leak.LeakEstimate;
import dev.gauntlet.reports.leak.LeakFit;
import dev.gauntlet.run.JsonLines;
import dev.gauntlet.run.RunDirectory;
import dev.gauntlet.run.TimelineEvent;
import dev.gauntlet.scenario.SloSpec;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Measures and judges the memory-leak metrics: {@code leak_rate} (and its interval's ends) from memory.jsonl, and
 * {@code leak.detection_time} from the timeline. A {@code leak_rate} SLO is judged on the interval, not the point:
 * passed when the whole interval is within the bounds, failed when the whole interval is outside them, unresolved
 * when the interval reaches both sides (the run cannot tell) or fewer than {@code min_samples} samples are behind it.
 * With several sources, any failing one fails the SLO, and any unresolved one keeps it from passing. Thread-safe once
 * built.
 */
public final class LeakJudge {

  /** The metrics this judge measures. */
  public static final Set<String> METRICS =
      Set.of("leak_rate", "leak_rate.ci_low", "leak_rate.ci_high", "leak.detection_time");

  private final LeakMeter meter;
  private final DetectionJudge detections;
  private final int minSamples;

  LeakJudge(LeakMeter meter, DetectionJudge detections, int minSamples) {
    this.meter = meter;
    this.detections = detections;
    this.minSamples = minSamples;
  }

  /** Reads {@code run}'s memory.jsonl and timeline, with the windows and data end of {@code data}. */
  public static LeakJudge read(RunDirectory run, RunData data, int minSamples) {
    MemoryRun memory = MemoryRun.read(run);
    long end =
        data.info() != null && data.info().endedMs() > 0
            ? data.info().endedMs()
            : Math.max(memory.lastMs(), data.dataEndMs());
    List<LeakDetections.Detection> found =
        LeakDetections.of(JsonLines.readAll(run.timeline(), TimelineEvent.class), end);
    return new LeakJudge(
        new LeakMeter(memory, data.windows(), LeakDetector.DEFAULT),
        new DetectionJudge(found),
        minSamples);
  }

  /** Whether {@code metric} is one of {@link #METRICS}. */
  public boolean judges(String metric) {
    return METRICS.contains(metric);
  }

  /** {@code metric} over the whole run. */
  public Measurement measure(String metric) {
    return "leak.detection_time".equals(metric)
        ? detections.measure()
        : meter.measure(metric, SloSpec.Scope.WHOLE);
  }

  /** The result of {@code spec}, reported under {@code name}. */
  public SloResult judge(SloSpec spec, String name) {
    SloSpec.Scope scope = spec.scope() == null ? SloSpec.Scope.WHOLE : spec.scope();
    return switch (spec.metric()) {
      case "leak.detection_time" -> detections.judge(spec, name);
      case "leak_rate" -> rate(spec, name, meter.fits(scope));
      default -> bound(spec, name, meter.measure(spec.metric(), scope));
    };
  }

  private SloResult rate(SloSpec spec, String name, List<SourceFit> fits) {
    if (LeakMeter.highest(fits).isEmpty()) {
      return SloJudge.unresolved(spec, name, null, "could not be measured: " + meter.whyNone(fits));
    }
    Optional<SourceFit> failed =
        fits.stream()
            .filter(f -> status(spec, f) == Status.FAILED)
            .max(Comparator.comparingDouble(f -> miss(spec, f.estimate().orElseThrow())));
    if (failed.isPresent()) {
      return result(
          spec,
          name,
          failed.get(),
          Status.FAILED,
          name + " was " + shown(spec, failed.get()) + ", must be " + Format.threshold(spec));
    }
    Optional<SourceFit> open =
        fits.stream().filter(f -> status(spec, f) == Status.UNRESOLVED).findFirst();
    if (open.isPresent()) {
      return result(
          spec, name, open.get(), Status.UNRESOLVED, name + " " + whyUnresolved(spec, open.get()));
    }
    SourceFit highest = LeakMeter.highest(fits).orElseThrow();
    return result(
        spec,
        name,
        highest,
        Status.PASSED,
        name + " was " + shown(spec, highest) + ", must be " + Format.threshold(spec));
  }

  private Status status(SloSpec spec, SourceFit fit) {
    Optional<LeakEstimate> estimate = fit.estimate();
    if (estimate.isEmpty() || estimate.get().samples() < minSamples) {
      return Status.UNRESOLVED;
    }
    if (miss(spec, estimate.get()) > 0) {
      return Status.FAILED;
    }
    boolean inside =
        (spec.min() == null || estimate.get().lowerMbPerTask() >= spec.min())
            && (spec.max() == null || estimate.get().upperMbPerTask() <= spec.max());
    return inside ? Status.PASSED : Status.UNRESOLVED;
  }

  /** How far the whole interval lies outside the bounds; 0 or less when any of it is within them. */
  private static double miss(SloSpec spec, LeakEstimate estimate) {
    double above = spec.max() == null ? 0 : estimate.lowerMbPerTask() - spec.max();
    double below = spec.min() == null ? 0 : spec.min() - estimate.upperMbPerTask();
    return Math.max(above, below);
  }

  private String whyUnresolved(SloSpec spec, SourceFit fit) {
    if (fit.estimate().isEmpty()) {
      return "could not be measured: "
          + fit.source()
          + ": "
          + ((LeakFit.Unresolved) fit.fit()).reason();
    }
    LeakEstimate estimate = fit.estimate().get();
    if (estimate.samples() < minSamples) {
      return "could not be judged: "
          + estimate.samples()
          + " memory samples of "
          + fit.source()
          + " behind it, needs at least "
          + minSamples
          + " (evaluation.min_samples)";
    }
    return "could not be judged: "
        + shown(spec, fit)
        + " reaches both sides of "
        + Format.threshold(spec)
        + "; a longer run narrows the interval";
  }

  /** {@code 181.2 MB/inference (95% CI [178.9, 183.5]; local, 240 samples, 2 restarts)}. */
  private static String shown(SloSpec spec, SourceFit fit) {
    LeakEstimate estimate = fit.estimate().orElseThrow();
    return Format.value(spec.metric(), estimate.mbPerTask())
        + " ("
        + interval(estimate).text()
        + "; "
        + fit.source()
        + ", "
        + estimate.samples()
        + " samples, "
        + fit.restarts()
        + (fit.restarts() == 1 ? " restart)" : " restarts)");
  }

  private static SloResult result(
      SloSpec spec, String name, SourceFit fit, Status status, String message) {
    Optional<LeakEstimate> estimate = fit.estimate();
    return new SloResult(
        name,
        spec,
        estimate.map(LeakEstimate::mbPerTask).orElse(null),
        false,
        status,
        message,
        estimate.map(LeakJudge::interval).orElse(null));
  }

  private static SloResult.Interval interval(LeakEstimate estimate) {
    return new SloResult.Interval(
        estimate.lowerMbPerTask(), estimate.upperMbPerTask(), estimate.confidence());
  }

  /** An end of the interval, judged as a plain value. */
  private SloResult bound(SloSpec spec, String name, Measurement m) {
    if (m.value() == null) {
      return SloJudge.unresolved(spec, name, null, "could not be measured: " + m.missing());
    }
    if (m.samples() < minSamples) {
      return SloJudge.unresolved(
          spec,
          name,
          m.value(),
          "could not be judged: "
              + m.samples()
              + " memory samples behind it, needs at least "
              + minSamples
              + " (evaluation.min_samples)");
    }
    return SloJudge.compared(spec, name, m.value(), false);
  }
}
