package dev.gauntlet.faults.internal;

import dev.gauntlet.scenario.Delay;
import dev.gauntlet.scenario.Fault;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;
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
public record Pace(
    String fault,
    Duration firstToken,
    Duration perToken,
    double jitter,
    long gapSeed,
    boolean tail) {

  /**
   * Draws a pace for one hit call from {@code random}: the slow-tail draw, then the time to first token, then the
   * seed of the gaps.
   */
  public static Pace draw(String fault, Fault.Latency latency, RandomGenerator random) {
    boolean tail = random.nextDouble() < latency.slowTail().share();
    double factor = tail ? latency.slowTail().factor() : 1;
    Duration ttft = scaled(latency.ttft().sample(random), factor);
    Duration perToken =
        Double.isInfinite(latency.tokensPerSecond())
            ? Duration.ZERO
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

  /**
   * When each of a stream's {@code events} is due, in nanoseconds after the call arrived, for an answer of
   * {@code tokens} tokens. The events up to the first that carries a token go out together at the time to first
   * token; each later token event follows the one before by a gap drawn as {@link #generation} draws them; the events
   * after the last token (finish, usage, {@code [DONE]}) go out when the whole answer would be complete. When the
   * stream has one token event a token, its gaps are exactly the drawn ones; when it has fewer (a tool call's name
   * and arguments in few events) the gaps are stretched alike, so a stream always takes as long as the whole answer.
   */
  public long[] schedule(List<String> events, Predicate<String> carriesToken, long tokens) {
    int tokenEvents = (int) events.stream().filter(carriesToken).count();
    long[] gaps = new long[Math.max(0, tokenEvents - 1)];
    double drawn = 0;
    SplittableRandom random = new SplittableRandom(gapSeed);
    for (int i = 0; i < gaps.length && !perToken.isZero(); i++) {
      gaps[i] = Math.round(perToken.toNanos() * (1 + jitter * (2 * random.nextDouble() - 1)));
      drawn += gaps[i];
    }
    double stretch = drawn == 0 || tokenEvents == tokens ? 1 : generation(tokens).toNanos() / drawn;
    long[] due = new long[events.size()];
    long at = firstToken.toNanos();
    int seen = 0;
    for (int i = 0; i < due.length; i++) {
      if (seen == tokenEvents) {
        at = Math.max(at, whole(tokens).toNanos());
      } else if (carriesToken.test(events.get(i))) {
        at += seen == 0 ? 0 : Math.round(gaps[seen - 1] * stretch);
        seen++;
      }
      due[i] = Math.min(at, Delay.MAX.toNanos());
    }
    return due;
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
