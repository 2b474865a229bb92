package dev.gauntlet.faults.internal;

/**
 * Requests and tokens counted over the last 60 s in one-second buckets: a bucket leaves the window 60 s after its
 * second began. Not thread-safe; {@link Quota} guards it.
 */
final class SlidingMinute {

  static final int SECONDS = 60;

  private final long[] second = new long[SECONDS];
  private final long[] requests = new long[SECONDS];
  private final long[] tokens = new long[SECONDS];

  SlidingMinute() {
    java.util.Arrays.fill(second, Long.MIN_VALUE);
  }

  void add(long nowMs, long requestCount, long tokenCount) {
    long s = Math.floorDiv(nowMs, 1000);
    int i = (int) Math.floorMod(s, SECONDS);
    if (second[i] != s) {
      second[i] = s;
      requests[i] = 0;
      tokens[i] = 0;
    }
    requests[i] += requestCount;
    tokens[i] += tokenCount;
  }

  long requests(long nowMs) {
    return sum(requests, nowMs);
  }

  long tokens(long nowMs) {
    return sum(tokens, nowMs);
  }

  /** Milliseconds until {@code used + need <= limit} for requests ({@code ofTokens} false) or tokens. */
  long msUntilFits(long nowMs, boolean ofTokens, long limit, long need) {
    long[] counts = ofTokens ? tokens : requests;
    long used = sum(counts, nowMs);
    long s = Math.floorDiv(nowMs, 1000);
    for (long t = s - SECONDS + 1; t <= s && used + need > limit; t++) {
      int i = (int) Math.floorMod(t, SECONDS);
      if (second[i] == t) {
        used -= counts[i];
        if (used + need <= limit) {
          return (t + SECONDS) * 1000 - nowMs;
        }
      }
    }
    return used + need <= limit ? 0 : SECONDS * 1000L;
  }

  /** Milliseconds until every request (or token) now counted has left the window. */
  long msUntilEmpty(long nowMs, boolean ofTokens) {
    long[] counts = ofTokens ? tokens : requests;
    long s = Math.floorDiv(nowMs, 1000);
    for (long t = s; t > s - SECONDS; t--) {
      int i = (int) Math.floorMod(t, SECONDS);
      if (second[i] == t && counts[i] > 0) {
        return (t + SECONDS) * 1000 - nowMs;
      }
    }
    return 0;
  }

  private long sum(long[] counts, long nowMs) {
    long s = Math.floorDiv(nowMs, 1000);
    long total = 0;
    for (int i = 0; i < SECONDS; i++) {
      if (second[i] > s - SECONDS && second[i] <= s) {
        total += counts[i];
      }
    }
    return total;
  }
}
