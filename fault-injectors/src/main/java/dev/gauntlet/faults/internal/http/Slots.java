package dev.gauntlet.faults.internal.http;

/**
 * The times stream events are written at: each due time rounded up to the next multiple of {@link #NANOS} on the
 * {@code System.nanoTime} scale, one grid for every stream of the process, so that the events of different streams
 * due within one slot go out in one wake-up of their event loop instead of one wake-up each. An event is never early,
 * and late by less than one slot. With 2,000 streams at 20 tokens/s, 40,000 events a second, a wake-up each (and a
 * context switch each, on both ends of the connection) costs more CPU than the writes themselves; with 250 µs slots
 * {@code bench/streams.sh} measured p99 errors of 1.9-2.5 ms where one wake-up per event gave 2.3-3.0 ms, for 0.15 ms
 * more at the median. Thread-safe (stateless).
 */
final class Slots {

  /** Slot length; the system property {@code gauntlet.stream.slot.nanos} changes it for measurements, 0 or 1 for none. */
  static final long NANOS = Long.getLong("gauntlet.stream.slot.nanos", 250_000);

  private Slots() {}

  /** {@code nanoTime} rounded up to the next slot boundary. */
  static long roundUp(long nanoTime) {
    return NANOS <= 1 ? nanoTime : Math.floorDiv(nanoTime + NANOS - 1, NANOS) * NANOS;
  }
}
