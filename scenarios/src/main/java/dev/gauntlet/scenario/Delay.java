package dev.gauntlet.scenario;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * A distribution of durations, such as a latency fault's time to first token: fixed ({@code 200ms}), uniform
 * ({@code {uniform: [100ms, 400ms]}}) or log-normal ({@code {lognormal: {median: 300ms, p99: 2s}}}). Immutable and
 * thread-safe; {@link #sample} is a pure function of the generator's state.
 */
public sealed interface Delay permits Delay.Fixed, Delay.Uniform, Delay.LogNormal {

  /** No sample is longer than this, so that a run still ends whatever the tail of a log-normal draws. */
  Duration MAX = Duration.ofMinutes(5);

  /** No delay. */
  Delay NONE = new Fixed(Duration.ZERO);

  /** One duration drawn from {@code random}, at most {@link #MAX}. */
  Duration sample(RandomGenerator random);

  /** Always {@code value}. */
  record Fixed(Duration value) implements Delay {
    @Override
    public Duration sample(RandomGenerator random) {
      return value;
    }
  }

  /** Uniform in [{@code min}, {@code max}]. */
  record Uniform(Duration min, Duration max) implements Delay {
    @Override
    public Duration sample(RandomGenerator random) {
      long span = max.toNanos() - min.toNanos();
      return min.plusNanos(span == 0 ? 0 : random.nextLong(span + 1));
    }
  }

  /**
   * Log-normal with the given median and 99th percentile: {@code exp(μ + σ·z)} with {@code μ = ln(median)} and
   * {@code σ = ln(p99 / median) / z₀.₉₉}, where {@code z} is a standard normal draw.
   */
  record LogNormal(Duration median, Duration p99) implements Delay {

    /** The standard normal's 99th percentile. */
    static final double Z99 = 2.3263478740408408;

    @Override
    public Duration sample(RandomGenerator random) {
      double nanos = median.toNanos() * Math.exp(sigma() * random.nextGaussian());
      return nanos >= MAX.toNanos() ? MAX : Duration.ofNanos(Math.round(nanos));
    }

    /** The spread of the underlying normal. */
    public double sigma() {
      return Math.log((double) p99.toNanos() / median.toNanos()) / Z99;
    }
  }
}
