package dev.gauntlet.faults;

import java.time.Duration;

/**
 * What warming the fault plane did ({@link FaultPlane#warmUp}). Immutable.
 *
 * @param calls      calls sent to the mocks
 * @param failed     calls that got no HTTP answer
 * @param lastP50    median time of a call of the last round, as the warm-up's client measured it
 * @param lastMax    slowest call of the last round
 */
public record WarmUpResult(int calls, int failed, Duration lastP50, Duration lastMax) {

  /** {@code warmed the fault plane: 320 calls in 1.2 s, last round p50 1.1 ms, max 4.0 ms}. */
  public String line(Duration took) {
    return String.format(
        java.util.Locale.ROOT,
        "warmed the fault plane: %d calls in %.1f s%s, last round p50 %.1f ms," + " max %.1f ms",
        calls,
        took.toMillis() / 1000.0,
        failed == 0 ? "" : " (" + failed + " unanswered)",
        lastP50.toNanos() / 1e6,
        lastMax.toNanos() / 1e6);
  }
}
