package dev.gauntlet.reports.metrics;

/**
 * When the tasks of one bucket are healthy. A task is <em>bad</em> when it failed or, with a latency bound, took
 * longer than it; a bucket is <em>unhealthy</em> only when its bad tasks are too many to be sampling noise around the
 * allowed bad share: the binomial probability of at least that many bad tasks out of the bucket's tasks, at
 * {@code maxBadShare}, is below the bucket's significance level. An empty bucket is healthy (nothing to judge).
 * Immutable and thread-safe.
 *
 * @param latencyBoundMs the slowest a good task may be, or null to judge success alone
 * @param maxBadShare    the share of bad tasks a healthy agent may show, in (0, 1)
 */
public record HealthRule(Long latencyBoundMs, double maxBadShare) {

  public HealthRule {
    if (!(maxBadShare > 0 && maxBadShare < 1)) {
      throw new IllegalArgumentException("maxBadShare must be in (0, 1), but was " + maxBadShare);
    }
  }

  /** Whether a task with this outcome counts as bad. */
  public boolean bad(boolean succeeded, long latencyMs) {
    return !succeeded || latencyBoundMs != null && latencyMs > latencyBoundMs;
  }

  /** Whether {@code bad} bad tasks out of {@code tasks} are significantly more than allowed, at level {@code alpha}. */
  public boolean unhealthy(int tasks, int bad, double alpha) {
    return tasks > 0 && upperTail(tasks, bad, maxBadShare) < alpha;
  }

  /** P(X ≥ k) for X ~ Binomial(n, p), summed from the term at k with the terms' ratio, in logs for the first. */
  static double upperTail(int n, int k, double p) {
    if (k <= 0) {
      return 1;
    }
    if (k > n) {
      return 0;
    }
    double logTerm = k * Math.log(p) + (n - k) * Math.log1p(-p);
    for (int i = 1; i <= k; i++) {
      logTerm += Math.log((double) (n - k + i) / i);
    }
    double term = Math.exp(logTerm);
    double sum = 0;
    for (int x = k; x <= n && term > 0; x++) {
      sum += term;
      term *= (double) (n - x) / (x + 1) * p / (1 - p);
    }
    return Math.min(1, sum);
  }
}
