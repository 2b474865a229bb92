package dev.gauntlet.faults.internal.http;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import io.netty.channel.unix.FileDescriptor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The few libc calls the {@link Pacers} and {@link ArrivalWatch} make through JNA direct calls: the CPUs this process may
 * run on and pinning a thread to one, {@code dup}, {@code epoll} and {@code ioctl(FIONREAD)}. Linux only, 64-bit (the
 * layout of {@code struct epoll_event} is that of x86-64 and arm64). Thread-safe (stateless).
 */
final class Linux {

  private static final int CPU_SET_BYTES = 128; // 1,024 CPUs
  private static final int FIONREAD = 0x541B;
  static final int EPOLLIN = 0x001;
  static final int EPOLLET = 1 << 31;
  private static final int EPOLL_CTL_ADD = 1;

  /** {@code struct epoll_event} is packed on x86-64 (12 bytes), padded elsewhere (16). */
  static final int EVENT_SIZE = Platform.isIntel() ? 12 : 16;

  private static final int EVENT_DATA = Platform.isIntel() ? 4 : 8;

  static {
    Native.register(Linux.class, Platform.C_LIBRARY_NAME);
  }

  private Linux() {}

  private static native int sched_getaffinity(int pid, long size, Memory mask);

  private static native int sched_setaffinity(int pid, long size, Memory mask);

  private static native int dup(int fd);

  private static native int epoll_create1(int flags);

  private static native int epoll_ctl(int epfd, int op, int fd, Memory event);

  private static native int epoll_wait(int epfd, Memory events, int max, int timeoutMs);

  private static native int ioctl(int fd, long request, Memory value);

  private static native int close(int fd);

  /** The CPUs this process may run on, in order. */
  static int[] allowedCpus() {
    Memory mask = new Memory(CPU_SET_BYTES);
    mask.clear();
    if (sched_getaffinity(0, CPU_SET_BYTES, mask) < 0) {
      throw new IllegalStateException("sched_getaffinity failed: errno " + Native.getLastError());
    }
    List<Integer> cpus = new ArrayList<>();
    for (int cpu = 0; cpu < CPU_SET_BYTES * 8; cpu++) {
      if ((mask.getByte(cpu / 8) & (1 << (cpu % 8))) != 0) {
        cpus.add(cpu);
      }
    }
    return cpus.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Pins the calling thread to {@code cpu} where it can; a hedged thread left unpinned still hedges, only less surely
   * (the scheduler may put both of a pair on one CPU for a while).
   */
  static void pinIfPossible(int cpu) {
    try {
      pin(cpu);
    } catch (LinkageError | RuntimeException e) {
      // unpinned: see above
    }
  }

  /** Pins the calling thread to {@code cpu}. */
  static void pin(int cpu) {
    Memory mask = new Memory(CPU_SET_BYTES);
    mask.clear();
    mask.setByte(cpu / 8, (byte) (1 << (cpu % 8)));
    if (sched_setaffinity(0, CPU_SET_BYTES, mask) < 0) {
      throw new IllegalStateException("sched_setaffinity failed: errno " + Native.getLastError());
    }
  }

  /**
   * A second descriptor of {@code socket}'s connection, for a pacer to write to: the connection stays open while
   * either is, so the number a pacer writes to can never be reused for another connection the event loop accepts
   * after closing this one.
   *
   * @throws IOException when {@code dup} fails (out of descriptors)
   */
  static FileDescriptor duplicate(FileDescriptor socket) throws IOException {
    int fd = dup(socket.intValue());
    if (fd < 0) {
      throw new IOException("dup failed: errno " + Native.getLastError());
    }
    return new FileDescriptor(fd);
  }

  /** A new epoll instance's descriptor. */
  static int epollCreate() {
    int epfd = epoll_create1(0);
    if (epfd < 0) {
      throw new IllegalStateException("epoll_create1 failed: errno " + Native.getLastError());
    }
    return epfd;
  }

  /** Adds {@code fd} to {@code epfd} for {@code events}, with {@code data} in its events; false when that fails. */
  static boolean epollAdd(int epfd, int fd, int events, long data) {
    Memory event = new Memory(EVENT_SIZE);
    event.clear();
    event.setInt(0, events);
    event.setLong(EVENT_DATA, data);
    return epoll_ctl(epfd, EPOLL_CTL_ADD, fd, event) == 0;
  }

  /** Waits for events into {@code events} (room for {@code max}): how many came, 0 on timeout or interruption. */
  static int epollWait(int epfd, Memory events, int max, int timeoutMs) {
    return Math.max(0, epoll_wait(epfd, events, max, timeoutMs));
  }

  /** The data of event {@code i} in {@code events}. */
  static long eventData(Memory events, int i) {
    return events.getLong((long) i * EVENT_SIZE + EVENT_DATA);
  }

  /** Bytes waiting to be read on socket {@code fd} (0 where the call fails), using {@code scratch} (4 bytes). */
  static int unread(int fd, Memory scratch) {
    return ioctl(fd, FIONREAD, scratch) == 0 ? scratch.getInt(0) : 0;
  }

  static void closeQuietly(int fd) {
    close(fd);
  }
}
