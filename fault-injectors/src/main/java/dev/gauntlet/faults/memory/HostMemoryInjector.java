package dev.gauntlet.faults.memory;

import dev.gauntlet.faults.memory.internal.HostAllocator;
import dev.gauntlet.faults.memory.internal.Libc;
import dev.gauntlet.faults.memory.internal.Ramp;

/**
 * Takes host memory from this process through libc: anonymous {@code mmap} chunks, every page written so the
 * process's resident set really grows, at the ramp's rate up to its total; {@code munmap} on close. Memory is
 * taken outside the Java heap, so {@code -Xmx} does not cap it and the garbage collector never sees it. Thread-safe.
 */
public final class HostMemoryInjector {

  private static final long PAGE = 4096;
  private final Libc libc;

  private HostMemoryInjector(Libc libc) {
    this.libc = libc;
  }

  /**
   * Loads libc.
   *
   * @throws MissingLibraryException when libc does not load (not on a supported OS)
   */
  public static HostMemoryInjector load() {
    return new HostMemoryInjector(Libc.load());
  }

  /** Starts taking memory on a thread of its own and returns at once; close the hold to give it all back. */
  public MemoryHold start(MemoryRamp ramp) {
    return Ramp.start(new HostAllocator(libc), ramp, PAGE, "gauntlet-host-memory");
  }
}
