package dev.gauntlet.faults.memory.internal;

import com.sun.jna.Library;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.util.List;

/** The few libc calls the host-memory injector makes. */
public interface Libc extends Library {

  int PROT_READ_WRITE = 0x1 | 0x2;
  int MAP_PRIVATE_ANONYMOUS = 0x02 | (Platform.isMac() ? 0x1000 : 0x20);

  /** Loads libc. */
  static Libc load() {
    return NativeLibraries.load(
        Libc.class,
        "libc",
        "gauntlet.libc.library",
        List.of(Platform.C_LIBRARY_NAME, "libc.so.6"),
        "this platform's C library should always load; is this a supported OS?");
  }

  Pointer mmap(Pointer address, long length, int prot, int flags, int fd, long offset);

  int munmap(Pointer address, long length);

  Pointer memset(Pointer s, int c, long n);

  String strerror(int errnum);
}
