package dev.gauntlet.faults;

import dev.gauntlet.faults.internal.http.Lateness;
import java.time.Duration;
import java.util.Arrays;

/**
 * How late the provider mock wrote the events of its paced streams (a latency fault's time to first token and token
 * gaps) against when their pace made them due, measured on the mock's own clock as each event went to the socket. It
 * tells the mock's own pacing error apart from what the kernel, the network and the agent add on their way, and shows
 * when the machine is too busy for the configured pace to hold. Resolution 10 µs; anything past 100 ms counts as
 * 100 ms. Immutable.
 */
public final class StreamPacing {

  private final long[] counts;

  StreamPacing(long[] counts) {
    this.counts = counts.clone();
  }

  /** Events written. */
  public long events() {
    return Arrays.stream(counts).sum();
  }

  /**
   * The lateness that a share {@code q} (0 to 1) of the events stayed within, to the bucket's upper edge.
   *
   * @throws IllegalStateException when there are no events
   */
  public Duration percentile(double q) {
    long events = events();
    if (events == 0) {
      throw new IllegalStateException("no stream events were written");
    }
    long rank = Math.max(1, (long) Math.ceil(q * events));
    long seen = 0;
    for (int i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return Duration.ofNanos((i + 1) * Lateness.BUCKET_NANOS);
      }
    }
    throw new AssertionError("unreachable: the ranks stay within the events");
  }

  /** The events written since {@code earlier}, a snapshot of the same mock taken before this one. */
  public StreamPacing since(StreamPacing earlier) {
    long[] out = new long[counts.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = counts[i] - earlier.counts[i];
    }
    return new StreamPacing(out);
  }
}
