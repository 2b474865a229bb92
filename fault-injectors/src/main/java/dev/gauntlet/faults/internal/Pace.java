package dev.gauntlet.faults.internal;

import dev.gauntlet.scenario.Delay;
import dev.gauntlet.scenario.Fault;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * How slowly one call is answered, as its latency fault drew it: the time to its first token and the gaps between
 * the tokens after it. Every value comes from the generator the draw was given, so the same key draws the same pace.
 * Immutable and thread-safe.
 *
 * @param fault      the latency fault's name, for the ledger
 * @param firstToken time to first token, slow tail included
 * @param perToken   the mean gap between two tokens after the first, slow tail included; zero for unlimited speed
 * @param jitter     relative spread of each gap, in [0, 1]
 * @param gapSeed    the seed the gaps are drawn from
 * @param tail       whether the call fell in the slow tail
 */
public record Pace(String fault, Duration firstToken, Duration perToken, double jitter, long gapSeed, boolean tail) {

  /**
   * Draws a pace for one hit call from {@code random}: the slow-tail draw, then the time to first token, then the
   * seed of the gaps.
   */
  public static Pace draw(String fault, Fault.Latency latency, RandomGenerator random) {
    boolean tail = random.nextDouble() < latency.slowTail().share();
    double factor = tail ? latency.slowTail().factor() : 1;
    Duration ttft = scaled(latency.ttft().sample(random), factor);
    Duration perToken = Double.isInfinite(latency.tokensPerSecond()) ? Duration.ZERO
        : Duration.ofNanos(Math.round(1e9 / latency.tokensPerSecond() * factor));
    return new Pace(fault, ttft, perToken, latency.jitter(), random.nextLong(), tail);
  }

  /**
   * The time to generate {@code tokens} tokens after the first: the sum of {@code tokens − 1} gaps, each
   * {@code perToken · (1 + jitter · u)} with {@code u} uniform in [−1, 1], at most {@link Delay#MAX}.
   */
  public Duration generation(long tokens) {
    if (perToken.isZero() || tokens <= 1) {
      return Duration.ZERO;
    }
    SplittableRandom gaps = new SplittableRandom(gapSeed);
    double nanos = 0;
    for (long i = 1; i < tokens && nanos < Delay.MAX.toNanos(); i++) {
      nanos += perToken.toNanos() * (1 + jitter * (2 * gaps.nextDouble() - 1));
    }
    return Duration.ofNanos(Math.round(Math.min(nanos, Delay.MAX.toNanos())));
  }

  /** Time to first token plus the generation of {@code tokens} tokens: when a whole answer is complete. */
  public Duration whole(long tokens) {
    Duration whole = firstToken.plus(generation(tokens));
    return whole.compareTo(Delay.MAX) > 0 ? Delay.MAX : whole;
  }

  private static Duration scaled(Duration d, double factor) {
    double nanos = d.toNanos() * factor;
    return nanos >= Delay.MAX.toNanos() ? Delay.MAX : Duration.ofNanos(Math.round(nanos));
  }
}
