package dev.gauntlet.reports.internal;

import dev.gauntlet.reports.SloResult;
import dev.gauntlet.reports.Status;
import dev.gauntlet.scenario.SloSpec;
import java.util.Optional;

/**
 * By how much a failed SLO missed its bound, in the metric's unit: {@code 0.25 below the minimum},
 * {@code 1.978 s above the maximum}. Thread-safe (stateless).
 */
public final class Margin {

  private Margin() {}

  /** The miss of {@code slo}, or empty when it did not fail or has no measured value. */
  public static Optional<String> of(SloResult slo) {
    if (slo.status() != Status.FAILED || slo.measured() == null) {
      return Optional.empty();
    }
    SloSpec spec = slo.spec();
    String atLeast = slo.lowerBound() ? "at least " : "";
    if (spec.min() != null && slo.measured() < spec.min()) {
      return Optional.of(
          Format.value(spec.metric(), spec.min() - slo.measured()) + " below the minimum");
    }
    if (spec.max() != null && slo.measured() > spec.max()) {
      return Optional.of(
          atLeast
              + Format.value(spec.metric(), slo.measured() - spec.max())
              + " above the maximum");
    }
    return Optional.empty();
  }

  /** The SLO's message with its miss appended: {@code success_rate was 0.7, must be >= 0.95 (0.25 below …)}. */
  public static String message(SloResult slo) {
    return of(slo).map(miss -> slo.message() + " (" + miss + ")").orElse(slo.message());
  }
}
