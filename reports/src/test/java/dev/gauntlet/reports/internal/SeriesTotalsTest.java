package dev.gauntlet.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The series' buckets: their width, their bound however long the run, and their memory. */
class SeriesTotalsTest {

  private static final long START = 1_700_000_000_000L;

  @Test
  void bucketsAreTenSecondsUnlessTheEvaluationBucketIsWider() {
    assertThat(new SeriesTotals(START, Duration.ofSeconds(1)).widthMs()).isEqualTo(10_000);
    assertThat(new SeriesTotals(START, Duration.ofSeconds(30)).widthMs()).isEqualTo(30_000);
  }

  @Test
  void aLongRunDoublesTheWidthInsteadOfGrowingPastTheBound() {
    SeriesTotals series = new SeriesTotals(START, Duration.ofSeconds(1));
    long hours = 6;
    for (long t = 0; t < hours * 3_600_000; t += 1_000) {
      series.at(START + t).addTask(true, 200 + t % 5_000, Boolean.TRUE, true, null);
    }

    List<SeriesTotals.Bucket> buckets = series.buckets(START, START + hours * 3_600_000);

    assertThat(series.widthMs())
        .as("6 h in at most 1,000 buckets: 10 s doubled to 40 s")
        .isEqualTo(40_000);
    assertThat(buckets).hasSize(540);
    assertThat(buckets.stream().mapToLong(b -> b.totals().tally().tasks()).sum())
        .as("merging loses no task")
        .isEqualTo(hours * 3_600);
    assertThat(buckets).allSatisfy(b -> assertThat(b.totals().tally().tasks()).isEqualTo(40));
    assertThat(buckets.get(3).totals().tally().latency().maxMs()).isEqualTo(200 + 159_000 % 5_000);
  }

  @Test
  void bucketsStartAtTheOriginAndAreClippedToTheRun() {
    SeriesTotals series = new SeriesTotals(START, Duration.ofSeconds(1));
    series.at(START + 5_000).addTask(true, 100, null, false, null);
    series.at(START + 31_000).addTask(false, 100, null, false, null);

    List<SeriesTotals.Bucket> buckets = series.buckets(START, START + 35_000);

    assertThat(buckets)
        .extracting(SeriesTotals.Bucket::startMs)
        .containsExactly(START, START + 10_000, START + 20_000, START + 30_000);
    assertThat(buckets)
        .extracting(b -> b.totals().durationMs())
        .containsExactly(10_000L, 10_000L, 10_000L, 5_000L);
    assertThat(buckets.get(1).totals().tally().tasks())
        .as("an empty bucket between is kept")
        .isZero();
  }

  @Test
  void aBucketHoldsUnderTwentyKilobytes() {
    ScopeTotals bucket = new ScopeTotals(SeriesTotals.DIGITS);
    long empty = bucket.footprintBytes();
    for (long latency = 1; latency <= 60_000; latency += 7) {
      bucket.addTask(true, latency, Boolean.TRUE, true, latency / 10);
    }

    assertThat(empty).as("two empty histograms").isLessThan(6_000);
    assertThat(bucket.footprintBytes()).as("latencies and TTFTs up to a minute").isLessThan(20_000);
    assertThat(new ScopeTotals().footprintBytes())
        .as("the 3-digit histograms of a whole-run scope, for scale")
        .isGreaterThan(4 * empty);
  }
}
