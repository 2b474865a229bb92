package dev.gauntlet.reports.internal;

import dev.gauntlet.reports.leak.LeakDetector;
import dev.gauntlet.reports.leak.LeakEstimate;
import dev.gauntlet.reports.leak.LeakFit;
import dev.gauntlet.reports.metrics.FaultWindow;
import dev.gauntlet.reports.metrics.FaultWindows;
import dev.gauntlet.scenario.SloSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.LongPredicate;

/**
 * The leak rate of each source of memory.jsonl, in MB per inference, fitted by {@link LeakDetector#fitSegments} over
 * the samples of one scope (a sample is during faults when taken inside any fault window), split at the source's
 * restarts. Sources that served no inference are left out: a GPU nobody used has no slope. Thread-safe once built.
 */
public final class LeakMeter {

  /**
   * One source's fit.
   *
   * @param source   the source's name
   * @param fit      its estimate, or why there is none
   * @param restarts restarts seen in its samples
   */
  public record SourceFit(String source, LeakFit fit, int restarts) {

    /** The estimate, when the fit has one. */
    public Optional<LeakEstimate> estimate() {
      return fit instanceof LeakEstimate estimate ? Optional.of(estimate) : Optional.empty();
    }
  }

  private final MemoryRun memory;
  private final List<FaultWindow> windows;
  private final LeakDetector detector;

  public LeakMeter(MemoryRun memory, List<FaultWindow> windows, LeakDetector detector) {
    this.memory = memory;
    this.windows = List.copyOf(windows);
    this.detector = detector;
  }

  /** Every source that served inferences, with its fit over {@code scope}. */
  public List<SourceFit> fits(SloSpec.Scope scope) {
    LongPredicate keep =
        switch (scope) {
          case WHOLE -> ts -> true;
          case DURING_FAULTS -> ts -> FaultWindows.anyContains(windows, ts);
          case OUTSIDE_FAULTS -> ts -> !FaultWindows.anyContains(windows, ts);
        };
    List<SourceFit> fits = new ArrayList<>();
    for (String source : memory.sources().keySet()) {
      if (memory.served(source)) {
        fits.add(
            new SourceFit(
                source,
                detector.fitSegments(memory.segments(source, keep)),
                memory.restarts(source)));
      }
    }
    return fits;
  }

  /** Of {@code fits}, the one with the highest fitted rate; empty when none has an estimate. */
  public static Optional<SourceFit> highest(List<SourceFit> fits) {
    return fits.stream()
        .filter(f -> f.estimate().isPresent())
        .max(Comparator.comparingDouble(f -> f.estimate().orElseThrow().mbPerTask()));
  }

  /**
   * {@code leak_rate}, {@code leak_rate.ci_low} or {@code leak_rate.ci_high} over {@code scope}: of the source that
   * leaks fastest, with its samples as the sample count.
   */
  public Measurement measure(String metric, SloSpec.Scope scope) {
    List<SourceFit> fits = fits(scope);
    Optional<SourceFit> highest = highest(fits);
    if (highest.isEmpty()) {
      return Measurement.missing(whyNone(fits));
    }
    LeakEstimate estimate = highest.get().estimate().orElseThrow();
    double value =
        switch (metric) {
          case "leak_rate.ci_low" -> estimate.lowerMbPerTask();
          case "leak_rate.ci_high" -> estimate.upperMbPerTask();
          default -> estimate.mbPerTask();
        };
    return Measurement.of(value, estimate.samples());
  }

  /** Why {@code fits} hold no estimate. */
  public String whyNone(List<SourceFit> fits) {
    if (memory.isEmpty()) {
      return "memory.jsonl is missing or empty (no self-hosted provider or GPU was sampled)";
    }
    if (fits.isEmpty()) {
      return "no source in memory.jsonl " + memory.sources().keySet() + " served an inference";
    }
    SourceFit first = fits.get(0);
    return first.source() + ": " + ((LeakFit.Unresolved) first.fit()).reason();
  }
}
