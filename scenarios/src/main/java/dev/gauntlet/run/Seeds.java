package dev.gauntlet.run;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Derives every random choice of a run from the scenario seed and a key, so that the same key draws the same value
 * in a rerun whatever the order in which calls arrive. Thread-safe (stateless).
 */
public final class Seeds {

  private Seeds() {}

  /** A generator for {@code keys} under {@code seed}. */
  public static RandomGenerator generator(long seed, Object... keys) {
    return new SplittableRandom(mix(seed, keys));
  }

  /** A uniform draw in [0, 1) for {@code keys} under {@code seed}. */
  public static double unit(long seed, Object... keys) {
    return generator(seed, keys).nextDouble();
  }

  static long mix(long seed, Object... keys) {
    long h = seed ^ 0x9E3779B97F4A7C15L;
    for (Object key : keys) {
      for (byte b : String.valueOf(key).getBytes(StandardCharsets.UTF_8)) {
        h = (h ^ b) * 0x100000001B3L;
      }
      h = Long.rotateLeft(h * 0xBF58476D1CE4E5B9L, 31) ^ 0x94D049BB133111EBL;
    }
    return h;
  }
}
