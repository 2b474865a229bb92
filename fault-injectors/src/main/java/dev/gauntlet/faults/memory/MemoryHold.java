package dev.gauntlet.faults.memory;

import java.time.Duration;
import java.util.Optional;

/**
 * Memory an injector has taken and is holding. It grows at the ramp's rate until the target or until an allocation
 * fails (then it keeps what it has and says why in {@link #failure()}); {@link #close()} gives everything back.
 * Closing twice is harmless. A JVM shutdown hook closes a hold that is still open when the JVM exits normally or on
 * SIGTERM/Ctrl-C; a process that is killed outright has its memory (host and GPU) freed by the kernel and the driver
 * anyway. Thread-safe.
 */
public interface MemoryHold extends AutoCloseable {

  /** The bytes asked for. */
  long targetBytes();

  /** The bytes allocated (and, for host memory, touched) so far. */
  long allocatedBytes();

  /**
   * Waits until the whole target is allocated; false when the timeout passed first, an allocation failed or the
   * hold was closed.
   */
  boolean awaitTarget(Duration timeout) throws InterruptedException;

  /** Why the ramp stopped short of the target, if it did. */
  Optional<String> failure();

  /** Stops the ramp and frees everything allocated; returns once it is freed. */
  @Override
  void close();
}
