package dev.gauntlet.faults.network.internal;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Every random choice the proxies make, derived from one seed and the names of what it concerns, so that a rerun
 * with the same seed and the same sequence of connections makes the same choices whatever the thread timing.
 * Immutable and thread-safe.
 *
 * @param seed the server's seed
 */
record Draws(long seed) {

  /** Whether the toxic named {@code toxic} with {@code toxicity} applies to connection {@code connection}. */
  boolean applies(String proxy, long connection, String toxic, float toxicity) {
    // one uniform draw per (connection, toxic): raising the toxicity only ever adds connections
    return random(proxy, connection, toxic).nextDouble() < toxicity;
  }

  /** The generator the toxic named {@code toxic} draws from on connection {@code connection}. */
  RandomGenerator stageRandom(String proxy, long connection, String toxic) {
    SplittableRandom r = random(proxy, connection, toxic);
    r.nextLong();
    return r.split();
  }

  private SplittableRandom random(String proxy, long connection, String toxic) {
    long key = seed;
    key = key * 0x9E3779B97F4A7C15L + proxy.hashCode();
    key = key * 0x9E3779B97F4A7C15L + connection;
    key = key * 0x9E3779B97F4A7C15L + toxic.hashCode();
    return new SplittableRandom(key);
  }
}
