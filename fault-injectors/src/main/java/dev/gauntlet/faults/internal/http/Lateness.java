package dev.gauntlet.faults.internal.http;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * How late a server wrote each event of its paced streams against the time the stream's pace made it due, on the
 * server's own clock: what the mock controls, before the kernel, the network and the reader add their own delays.
 * Counted in {@link #BUCKET_NANOS} buckets up to {@link #BUCKETS} of them (about 100 ms; anything later counts in the
 * last). Recording is one atomic increment, cheap enough for every event. Thread-safe.
 */
public final class Lateness {

  /** Width of one bucket: 10 µs. */
  public static final long BUCKET_NANOS = 10_000;

  /** Buckets: 0 to 100 ms, then one for everything later. */
  public static final int BUCKETS = 10_001;

  private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

  /** Counts one event written {@code nanos} after it was due (0 or less: on time). */
  void record(long nanos) {
    counts.incrementAndGet((int) Math.min(BUCKETS - 1, Math.max(0, nanos) / BUCKET_NANOS));
  }

  /** The counts so far, bucket by bucket. */
  public long[] counts() {
    long[] out = new long[BUCKETS];
    for (int i = 0; i < BUCKETS; i++) {
      out[i] = counts.get(i);
    }
    return out;
  }
}
