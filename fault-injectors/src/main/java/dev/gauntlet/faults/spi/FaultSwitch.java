package dev.gauntlet.faults.spi;

/**
 * A fault that is on; closing it switches the fault off. Closing twice is harmless. Implementations must be
 * thread-safe, since the timeline and {@code FaultPlane.close()} may close it from different threads.
 */
@FunctionalInterface
public interface FaultSwitch extends AutoCloseable {

  /** Switches the fault off; never throws a checked exception. */
  @Override
  void close();
}
