package dev.gauntlet.reports.leak;

import java.util.List;

/**
 * Fits memory against tasks served by ordinary least squares and puts a Student-t confidence interval on the slope:
 *
 * <pre>
 * b = Sxy / Sxx,  a = ȳ − b·x̄,  s² = Σ(yᵢ − a − b·xᵢ)² / (n − 2),  SE(b) = √(s² / Sxx)
 * interval = b ± t(1 − α/2, n − 2) · SE(b),  r² = 1 − SSE / Syy
 * </pre>
 *
 * <p>The interval assumes independent noise around a straight line; memory read at a steady cadence under steady
 * load comes close. A sawtooth (a collector, an allocator returning memory) widens it rather than biasing it.
 * Immutable and thread-safe.
 */
public final class LeakDetector {

  /** Fits with a 95% interval. */
  public static final LeakDetector DEFAULT = new LeakDetector(0.95);

  private final double confidence;

  /** A detector whose intervals have {@code confidence} (in (0, 1)) coverage. */
  public LeakDetector(double confidence) {
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1), but was " + confidence);
    }
    this.confidence = confidence;
  }

  /** The fit of {@code samples}, or {@link LeakFit.Unresolved} when fewer than 3 or tasks served never changed. */
  public LeakFit fit(List<LeakSample> samples) {
    int n = samples.size();
    if (n < 3) {
      return new LeakFit.Unresolved(n, "a leak rate needs at least 3 samples, but there were " + n);
    }
    double meanX = 0;
    double meanY = 0;
    for (LeakSample s : samples) {
      meanX += s.tasksServed() / n;
      meanY += s.memoryMb() / n;
    }
    double sxx = 0;
    double sxy = 0;
    double syy = 0;
    for (LeakSample s : samples) {
      double dx = s.tasksServed() - meanX;
      double dy = s.memoryMb() - meanY;
      sxx += dx * dx;
      sxy += dx * dy;
      syy += dy * dy;
    }
    if (sxx == 0) {
      return new LeakFit.Unresolved(n, "tasks served never changed across the " + n + " samples");
    }
    double slope = sxy / sxx;
    double intercept = meanY - slope * meanX;
    double sse = Math.max(0, syy - slope * sxy);
    double margin = StudentT.quantile(1 - (1 - confidence) / 2, n - 2) * Math.sqrt(sse / (n - 2) / sxx);
    double rSquared = syy == 0 ? 1 : Math.min(1, Math.max(0, 1 - sse / syy));
    return new LeakEstimate(slope, slope - margin, slope + margin, intercept, rSquared, n, confidence);
  }
}
