package dev.gauntlet.reports.leak;

/**
 * What {@link LeakDetector#fit} found: an {@link LeakEstimate}, or {@link Unresolved} when the samples cannot say
 * (never folded into "no leak"). Immutable.
 */
public sealed interface LeakFit permits LeakEstimate, LeakFit.Unresolved {

  /** How many samples the fit saw. */
  int samples();

  /** Too few samples, or tasks served never changed: no slope can be fitted. */
  record Unresolved(int samples, String reason) implements LeakFit {}
}
