package dev.gauntlet.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gauntlet.faults.internal.http.Lateness;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Percentiles of the mock's write lateness, to the upper edge of their 10 µs bucket, and stretches of a run. */
class StreamPacingTest {

  /** Counts with {@code n} events in the bucket that starts at {@code micros}, for each pair given. */
  private static StreamPacing pacing(long... microsAndCounts) {
    long[] counts = new long[Lateness.BUCKETS];
    for (int i = 0; i < microsAndCounts.length; i += 2) {
      counts[(int) (microsAndCounts[i] * 1000 / Lateness.BUCKET_NANOS)] += microsAndCounts[i + 1];
    }
    return new StreamPacing(counts);
  }

  @Test
  void percentilesAreTheUpperEdgeOfTheBucketTheRankFallsIn() {
    StreamPacing pacing = pacing(0, 90, 250, 9, 100_000, 1);

    assertThat(pacing.events()).isEqualTo(100);
    assertThat(pacing.percentile(0.50)).isEqualTo(Duration.ofNanos(10_000));
    assertThat(pacing.percentile(0.90)).isEqualTo(Duration.ofNanos(10_000));
    assertThat(pacing.percentile(0.99)).isEqualTo(Duration.ofNanos(260_000));
    assertThat(pacing.percentile(1.0))
        .as("anything past 100 ms counts as the last bucket")
        .isEqualTo(Duration.ofNanos(100_010_000));
  }

  @Test
  void sinceKeepsOnlyTheEventsWrittenAfterTheEarlierSnapshot() {
    StreamPacing earlier = pacing(0, 50);
    StreamPacing later = pacing(0, 50, 3000, 10);

    StreamPacing stretch = later.since(earlier);

    assertThat(stretch.events()).isEqualTo(10);
    assertThat(stretch.percentile(0.5)).isEqualTo(Duration.ofNanos(3_010_000));
  }

  @Test
  void noEventsHaveNoPercentile() {
    assertThatThrownBy(() -> pacing().percentile(0.99))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no stream events");
  }
}
