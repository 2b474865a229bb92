package dev.gauntlet.reports.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class PercentilePropertyTest {

  @Property
  void histogramPercentileIsWithinItsPrecisionOfTheSortedValue(
      @ForAll @Size(min = 1, max = 300) List<@LongRange(min = 0, max = 600_000) Long> latencies,
      @ForAll @DoubleRange(min = 0, max = 100) double percentile) {
    LatencyHistogram histogram = new LatencyHistogram();
    latencies.forEach(histogram::record);
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    long exact = sorted[Percentiles.rank(percentile, sorted.length) - 1];

    long measured = histogram.percentileMs(percentile);

    assertThat(measured)
        .as("p%s of %s", percentile, Arrays.toString(sorted))
        .isBetween(exact - exact / 1000 - 1, exact + exact / 1000 + 1);
  }

  @Property
  void maxIsExact(
      @ForAll @Size(min = 1, max = 100)
          List<@LongRange(min = 0, max = 10_000_000) Long> latencies) {
    LatencyHistogram histogram = new LatencyHistogram();
    latencies.forEach(histogram::record);

    assertThat(histogram.maxMs())
        .isEqualTo(latencies.stream().mapToLong(Long::longValue).max().orElseThrow());
  }

  @Property
  void exactPercentileIsAnElementWithTheRightRank(
      @ForAll @Size(min = 1, max = 200) List<@LongRange(min = 0, max = 1000) Long> values,
      @ForAll @DoubleRange(min = 0, max = 100) double percentile) {
    long[] array = values.stream().mapToLong(Long::longValue).toArray();
    long p = Percentiles.of(percentile, array);
    long below = values.stream().filter(v -> v < p).count();
    long atOrBelow = values.stream().filter(v -> v <= p).count();
    double wanted =
        Math.max(1, Math.min(values.size(), Math.ceil(percentile / 100 * values.size())));

    assertThat(below).isLessThanOrEqualTo((long) Math.ceil(wanted));
    assertThat(atOrBelow).isGreaterThanOrEqualTo((long) Math.floor(wanted) - 1);
  }
}
