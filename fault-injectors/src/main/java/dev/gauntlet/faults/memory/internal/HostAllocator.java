package dev.gauntlet.faults.memory.internal;

import com.sun.jna.Native;
import com.sun.jna.Pointer;

/** Anonymous private mappings from libc's {@code mmap}, every page written so that it counts as resident. */
public final class HostAllocator implements Allocator {

  private static final byte FILL = 0x5a;
  private final Libc libc;

  public HostAllocator(Libc libc) {
    this.libc = libc;
  }

  @Override
  public long allocate(long bytes) {
    Pointer address =
        libc.mmap(null, bytes, Libc.PROT_READ_WRITE, Libc.MAP_PRIVATE_ANONYMOUS, -1, 0);
    long value = Pointer.nativeValue(address);
    if (address == null || value == -1) {
      int errno = Native.getLastError();
      throw new IllegalStateException(
          "mmap of " + bytes + " bytes failed: " + libc.strerror(errno) + " (errno " + errno + ")");
    }
    // A non-zero fill: a zero page written with zeros could in principle be merged back by KSM.
    libc.memset(address, FILL, bytes);
    return value;
  }

  @Override
  public void free(long handle, long bytes) {
    libc.munmap(new Pointer(handle), bytes);
  }
}
