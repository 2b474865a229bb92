package dev.gauntlet.faults.memory.internal;

/**
 * Takes and frees one kind of memory, a chunk at a time. Called from one thread only: the ramp's.
 */
public interface Allocator {

  /** Called once on the ramp's thread before the first allocation (CUDA binds the device per thread). */
  default void begin() {}

  /**
   * Allocates (and touches, so it is really resident) {@code bytes}; returns a handle for {@link #free}.
   *
   * @throws IllegalStateException saying why, when the memory cannot be had
   */
  long allocate(long bytes);

  /** Frees what {@link #allocate} returned. */
  void free(long handle, long bytes);
}
