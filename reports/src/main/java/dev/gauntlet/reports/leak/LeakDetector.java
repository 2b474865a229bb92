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
 *
 * <p>A server that restarts drops back to its baseline: across a restart memory falls while tasks served keep
 * growing, which one line would read as a smaller (even negative) leak. {@link #fitSegments} fits one slope shared by
 * the segments between restarts, each with an intercept of its own (the pooled within-segment regression), so the
 * drops are never part of the slope. Immutable and thread-safe.
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
    return fitSegments(List.of(samples));
  }

  /**
   * One slope over {@code segments} (the samples between two restarts each), with an intercept per segment:
   *
   * <pre>
   * b = Σₖ Sxyₖ / Σₖ Sxxₖ,  SSE = Σₖ Syyₖ − b · Σₖ Sxyₖ,  s² = SSE / (n − k − 1),  SE(b) = √(s² / Σₖ Sxxₖ)
   * interval = b ± t(1 − α/2, n − k − 1) · SE(b),  r² = 1 − SSE / Σₖ Syyₖ
   * </pre>
   *
   * <p>where n counts the samples of the k segments with at least 2 (a lone sample only fixes its own intercept, so
   * it is left out). With one segment this is {@link #fit}. The estimate's intercept is the first such segment's.
   * Unresolved when n − k − 1 &lt; 1 (fewer than 3 samples in such segments) or tasks served never changed within
   * any segment.
   */
  public LeakFit fitSegments(List<List<LeakSample>> segments) {
    Sums sums = new Sums();
    segments.stream().filter(segment -> segment.size() >= 2).forEach(sums::add);
    int all = segments.stream().mapToInt(List::size).sum();
    int df = sums.n - sums.groups - 1;
    if (df < 1) {
      // Only one segment of 2 or none gets here: k segments of 2 or more have at least k - 1
      // degrees of freedom.
      return new LeakFit.Unresolved(
          all,
          segments.size() <= 1
              ? "a leak rate needs at least 3 samples, but there were " + sums.n
              : "a leak rate needs at least 3 samples in stretches of 2 or more between restarts, but there were "
                  + sums.n);
    }
    if (sums.sxx == 0) {
      return new LeakFit.Unresolved(
          all, "tasks served never changed across the " + sums.n + " samples");
    }
    double slope = sums.sxy / sums.sxx;
    double sse = Math.max(0, sums.syy - slope * sums.sxy);
    double margin =
        StudentT.quantile(1 - (1 - confidence) / 2, df) * Math.sqrt(sse / df / sums.sxx);
    double rSquared = sums.syy == 0 ? 1 : Math.min(1, Math.max(0, 1 - sse / sums.syy));
    double intercept = sums.firstMeanY - slope * sums.firstMeanX;
    return new LeakEstimate(
        slope, slope - margin, slope + margin, intercept, rSquared, sums.n, confidence);
  }

  /** Within-segment sums of squares and products, pooled. */
  private static final class Sums {
    int n;
    int groups;
    double sxx;
    double sxy;
    double syy;
    double firstMeanX;
    double firstMeanY;

    void add(List<LeakSample> segment) {
      int size = segment.size();
      double meanX = 0;
      double meanY = 0;
      for (LeakSample s : segment) {
        meanX += s.tasksServed() / size;
        meanY += s.memoryMb() / size;
      }
      for (LeakSample s : segment) {
        double dx = s.tasksServed() - meanX;
        double dy = s.memoryMb() - meanY;
        sxx += dx * dx;
        sxy += dx * dy;
        syy += dy * dy;
      }
      if (groups == 0) {
        firstMeanX = meanX;
        firstMeanY = meanY;
      }
      n += size;
      groups++;
    }
  }
}
