package dev.gauntlet.reports.metrics;

/**
 * When one fault was on, in epoch milliseconds: {@code [startMs, endMs)}.
 *
 * @param fault   the fault's name in the scenario
 * @param kind    the fault's kind ({@code outage}, …)
 * @param startMs when it was switched on
 * @param endMs   when it was switched off, or when the run ended if it never was; {@link Long#MAX_VALUE} while
 *                unknown
 */
public record FaultWindow(String fault, String kind, long startMs, long endMs) {

  /** Whether {@code epochMs} lies inside the window (start inclusive, end exclusive). */
  public boolean contains(long epochMs) {
    return epochMs >= startMs && epochMs < endMs;
  }

  /** The same window, ending at {@code newEndMs} if its end was unknown. */
  public FaultWindow closedAt(long newEndMs) {
    return endMs == Long.MAX_VALUE
        ? new FaultWindow(fault, kind, startMs, Math.max(startMs, newEndMs))
        : this;
  }
}
