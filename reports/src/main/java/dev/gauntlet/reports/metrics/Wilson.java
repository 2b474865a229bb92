package dev.gauntlet.reports.metrics;

/**
 * The Wilson score interval of a proportion: where the true share lies, at a confidence, given {@code successes} of
 * {@code trials}. Unlike the normal approximation it stays inside [0, 1] and is honest at 0 or n successes.
 * Thread-safe (immutable).
 *
 * @param low  lower end
 * @param high upper end
 */
public record Wilson(double low, double high) {

  /** z of a two-sided 95% interval. */
  public static final double Z95 = 1.959963984540054;

  /** The 95% interval of {@code successes} of {@code trials}; {@code trials} must be positive. */
  public static Wilson of95(long successes, long trials) {
    return of(successes, trials, Z95);
  }

  /** The interval at {@code z}: {@code (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n)}. */
  public static Wilson of(long successes, long trials, double z) {
    if (trials <= 0 || successes < 0 || successes > trials) {
      throw new IllegalArgumentException(
          "successes must be in [0, trials] with trials > 0, but was "
              + successes
              + " of "
              + trials);
    }
    double n = trials;
    double p = successes / n;
    double z2 = z * z;
    double centre = p + z2 / (2 * n);
    double spread = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    double denominator = 1 + z2 / n;
    // At 0 or n successes the end is exactly 0 or 1; the formula gets there only up to round-off.
    double low = successes == 0 ? 0 : Math.min(p, (centre - spread) / denominator);
    double high = successes == trials ? 1 : Math.max(p, (centre + spread) / denominator);
    return new Wilson(low, high);
  }
}
