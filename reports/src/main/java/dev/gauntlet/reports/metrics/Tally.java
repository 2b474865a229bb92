package dev.gauntlet.reports.metrics;

/**
 * Running counts over a set of tasks: how many, how many succeeded, how many of those were scored and correct, and
 * the latencies of the successful ones. Not thread-safe.
 */
public final class Tally {

  private long tasks;
  private long successes;
  private long scored;
  private long correct;
  private long good;
  private final LatencyHistogram latency;

  /** A tally whose latencies keep three significant digits. */
  public Tally() {
    this(LatencyHistogram.PRECISE);
  }

  /** A tally whose latencies keep {@code digits} significant digits. */
  public Tally(int digits) {
    latency = new LatencyHistogram(digits);
  }

  /**
   * Adds one task.
   *
   * @param succeeded whether it returned an answer without error
   * @param latencyMs its end-to-end time
   * @param verdict   whether its answer was right; null when it was not scored
   */
  public void add(boolean succeeded, long latencyMs, Boolean verdict) {
    add(succeeded, latencyMs, verdict, false);
  }

  /**
   * Adds one task that may count towards goodput.
   *
   * @param good whether it was correct, within the latency threshold and under the cost cap (see docs/metrics.md)
   */
  public void add(boolean succeeded, long latencyMs, Boolean verdict, boolean good) {
    tasks++;
    this.good += good ? 1 : 0;
    if (!succeeded) {
      return;
    }
    successes++;
    latency.record(latencyMs);
    if (verdict != null) {
      scored++;
      correct += verdict ? 1 : 0;
    }
  }

  /** Adds every task of {@code other} to this tally. */
  public void add(Tally other) {
    tasks += other.tasks;
    successes += other.successes;
    scored += other.scored;
    correct += other.correct;
    good += other.good;
    latency.add(other.latency);
  }

  public long tasks() {
    return tasks;
  }

  public long successes() {
    return successes;
  }

  public long scored() {
    return scored;
  }

  public long correct() {
    return correct;
  }

  /** Tasks that were correct, fast enough and cheap enough: goodput's numerator. */
  public long good() {
    return good;
  }

  /** Correct over scored, or null when none was scored. */
  public Double accuracy() {
    return scored == 0 ? null : (double) correct / scored;
  }

  /** Latencies of the successful tasks. */
  public LatencyHistogram latency() {
    return latency;
  }

  /** Successes over tasks, or null when there were no tasks. */
  public Double successRate() {
    return tasks == 0 ? null : (double) successes / tasks;
  }

  /** p95 latency of successful tasks in seconds, or null when none succeeded. */
  public Double p95Seconds() {
    return successes == 0 ? null : latency.percentileMs(95) / 1000.0;
  }
}
