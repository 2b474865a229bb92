package dev.gauntlet.faults.memory;

/**
 * How much memory an injector takes and how fast: {@code megabytes} MiB in all, at {@code megabytesPerSecond} MiB/s,
 * then held until the fault is switched off. Immutable.
 *
 * @param megabytes          the total, in MiB; must be positive
 * @param megabytesPerSecond the rate, in MiB/s; must be positive ({@link Double#POSITIVE_INFINITY}: all at once)
 */
public record MemoryRamp(long megabytes, double megabytesPerSecond) {

  /** Bytes in one MiB. */
  public static final long MIB = 1L << 20;

  public MemoryRamp {
    if (megabytes <= 0) {
      throw new IllegalArgumentException("megabytes must be > 0, but was " + megabytes);
    }
    if (!(megabytesPerSecond > 0)) {
      throw new IllegalArgumentException(
          "megabytesPerSecond must be > 0, but was " + megabytesPerSecond);
    }
  }

  /** The total in bytes. */
  public long bytes() {
    return megabytes * MIB;
  }
}
