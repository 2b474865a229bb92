package dev.gauntlet.faults;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The client of {@link StreamBenchmark}: opens one loopback connection per stream, sends one streaming call on each,
 * and records when each token event arrived twice over: when the kernel queued its bytes on the client's socket
 * ({@code SO_TIMESTAMPNS}, stamped as the server's write hands them to the loopback device) and when the client's
 * reading thread got them. The first is the mock's pacing as a client receives it; the second adds the client's own
 * scheduling delays, which on a machine the client shares with the server (and with a hypervisor that takes its CPUs
 * away now and then) are not the mock's. Linux only, 64-bit (the struct layouts are those of x86-64 and arm64).
 *
 * <p>One thread, plain {@code epoll} and {@code recvmsg} through JNA direct calls, raw bytes: a token event is a
 * chunk holding {@code "delta":{"content"} (the opening role delta and the empty finishing delta do not), and the
 * response ends with the last chunk {@code 0\r\n\r\n}. Where one read holds several events (the reader was late by
 * more than the gap between two of them), they all get that read's stamp, the stamp of its last bytes: an event is
 * never stamped earlier than it came, so the errors this gives are never smaller than the mock's.
 *
 * <p>Not thread-safe: one round at a time.
 */
final class StampedStreams {

  private static final int AF_INET = 2;
  private static final int SOCK_STREAM = 1;
  private static final int SOL_SOCKET = 1;
  private static final int SO_TIMESTAMPNS = 35;
  private static final int IPPROTO_TCP = 6;
  private static final int TCP_NODELAY = 1;
  private static final int F_SETFL = 4;
  private static final int O_NONBLOCK = 2048;
  private static final int EPOLL_CTL_ADD = 1;
  private static final int EPOLLIN = 1;
  private static final int EAGAIN = 11;
  private static final int CLOCK_REALTIME = 0;

  /** {@code struct epoll_event} is packed on x86-64 (12 bytes), padded elsewhere (16). */
  private static final int EVENT_SIZE = Platform.isIntel() ? 12 : 16;

  private static final int EVENT_DATA = Platform.isIntel() ? 4 : 8;
  private static final int MAX_EVENTS = 1024;
  private static final int BUFFER = 64 * 1024;

  private static final byte[] TOKEN = "\"delta\":{\"content\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] END = "\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  /** Direct JNA mappings of the few libc calls the client makes. */
  private static final class LibC {
    static {
      Native.register(Platform.C_LIBRARY_NAME);
    }

    static native int socket(int domain, int type, int protocol);

    static native int connect(int fd, Pointer address, int length);

    static native int setsockopt(int fd, int level, int name, Pointer value, int length);

    static native int fcntl(int fd, int command, int argument);

    static native long write(int fd, Pointer buffer, long count);

    static native long recvmsg(int fd, Pointer message, int flags);

    static native int epoll_create1(int flags);

    static native int epoll_ctl(int epfd, int op, int fd, Pointer event);

    static native int epoll_wait(int epfd, Pointer events, int max, int timeoutMs);

    static native int close(int fd);

    static native int clock_gettime(int clock, Pointer timespec);
  }

  /** One stream's times, realtime nanoseconds: the request's send, then each token as stamped and as read. */
  record Times(long sent, long[] stamped, long[] read) {}

  private final Memory buffer = new Memory(BUFFER);
  private final Memory iovec = new Memory(16);
  private final Memory control = new Memory(64);
  private final Memory header = new Memory(56);
  private final Memory events = new Memory((long) EVENT_SIZE * MAX_EVENTS);
  private final Memory clock = new Memory(16);
  private final Memory one = new Memory(4);

  StampedStreams() {
    if (!Platform.isLinux() || !Platform.is64Bit()) {
      throw new IllegalStateException(
          "the stream benchmark's client needs 64-bit Linux (SO_TIMESTAMPNS, epoll)");
    }
    one.setInt(0, 1);
    iovec.setPointer(0, buffer);
    iovec.setLong(8, BUFFER);
  }

  /**
   * Runs {@code streams} streaming calls of {@code body} to {@code url} at once, on connections opened beforehand,
   * the sends spread evenly over {@code spread}; each task id is {@code name-i}.
   *
   * @throws IllegalStateException when a socket call fails or a stream has not ended within two minutes
   */
  List<Times> round(URI url, String body, String name, int streams, Duration spread) {
    int epoll = LibC.epoll_create1(0);
    check(epoll, "epoll_create1");
    Stream[] all = new Stream[streams];
    try {
      Memory address = inet(url.getHost(), url.getPort());
      for (int i = 0; i < streams; i++) {
        all[i] = new Stream(open(address), request(url, body, name + "-" + i));
        events.setInt(0, EPOLLIN);
        events.setLong(EVENT_DATA, i);
        check(LibC.epoll_ctl(epoll, EPOLL_CTL_ADD, all[i].fd, events), "epoll_ctl");
      }
      long start = System.nanoTime();
      long deadline = start + TimeUnit.MINUTES.toNanos(2);
      int sent = 0;
      int open = streams;
      while (open > 0) {
        long now = System.nanoTime();
        while (sent < streams && now - start >= spread.toNanos() * sent / streams) {
          all[sent++].send();
        }
        if (now > deadline) {
          throw new IllegalStateException(open + " streams had not ended after two minutes");
        }
        long untilNext =
            sent < streams ? start + spread.toNanos() * sent / streams - now : 100_000_000L;
        // Rounded up, not down: a wait of 0 ms until the next send would spin and take a core from
        // the mock.
        int ready =
            LibC.epoll_wait(
                epoll,
                events,
                MAX_EVENTS,
                (int) Math.max(0, Math.min(100, (untilNext + 999_999) / 1_000_000)));
        if (ready < 0 && Native.getLastError() != 4) { // EINTR
          check(ready, "epoll_wait");
        }
        for (int e = 0; e < ready; e++) {
          Stream stream = all[(int) events.getLong((long) e * EVENT_SIZE + EVENT_DATA)];
          if (!stream.ended && stream.read()) {
            open--;
          }
        }
      }
      List<Times> out = new ArrayList<>(streams);
      for (Stream stream : all) {
        out.add(stream.times());
      }
      return out;
    } finally {
      for (Stream stream : all) {
        if (stream != null) {
          LibC.close(stream.fd);
        }
      }
      LibC.close(epoll);
    }
  }

  private int open(Memory address) {
    int fd = LibC.socket(AF_INET, SOCK_STREAM, 0);
    check(fd, "socket");
    check(LibC.setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, one, 4), "setsockopt TCP_NODELAY");
    check(LibC.setsockopt(fd, SOL_SOCKET, SO_TIMESTAMPNS, one, 4), "setsockopt SO_TIMESTAMPNS");
    check(LibC.connect(fd, address, 16), "connect");
    check(LibC.fcntl(fd, F_SETFL, O_NONBLOCK), "fcntl O_NONBLOCK");
    return fd;
  }

  /** A {@code struct sockaddr_in} for an IPv4 loopback host and port. */
  private static Memory inet(String host, int port) {
    byte[] ip;
    try {
      ip = java.net.InetAddress.getByName(host).getAddress();
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException("cannot resolve " + host, e);
    }
    if (ip.length != 4) {
      throw new IllegalStateException(
          "the stream benchmark's client speaks IPv4 only, not to " + host);
    }
    Memory address = new Memory(16);
    address.clear();
    address.setShort(0, (short) AF_INET);
    address.setByte(2, (byte) (port >> 8));
    address.setByte(3, (byte) port);
    address.write(4, ip, 0, 4);
    return address;
  }

  private static Memory request(URI url, String body, String task) {
    byte[] json = body.getBytes(StandardCharsets.UTF_8);
    byte[] head =
        ("POST "
                + url.getPath()
                + " HTTP/1.1\r\nHost: "
                + url.getHost()
                + ":"
                + url.getPort()
                + "\r\nContent-Type: application/json\r\nX-Gauntlet-Task-Id: "
                + task
                + "\r\nContent-Length: "
                + json.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    Memory request = new Memory(head.length + json.length);
    request.write(0, head, 0, head.length);
    request.write(head.length, json, 0, json.length);
    return request;
  }

  private long realtime() {
    LibC.clock_gettime(CLOCK_REALTIME, clock);
    return clock.getLong(0) * 1_000_000_000L + clock.getLong(8);
  }

  private static void check(long result, String call) {
    if (result < 0) {
      throw new IllegalStateException(call + " failed: errno " + Native.getLastError());
    }
  }

  /** One connection: its request, and the times and pattern positions of what came back so far. */
  private final class Stream {
    final int fd;
    final Memory request;
    long sent;
    long[] stamped = new long[64];
    long[] read = new long[64];
    int count;
    int token;
    int end;
    boolean ended;

    Stream(int fd, Memory request) {
      this.fd = fd;
      this.request = request;
    }

    void send() {
      // Read before the write: a client late to write makes the time to first token look longer,
      // never shorter.
      sent = realtime();
      long size = request.size();
      long written = LibC.write(fd, request, size);
      if (written != size) {
        throw new IllegalStateException(
            "a request went out in part: " + written + " of " + size + " bytes");
      }
    }

    /** Reads what is there; true when the response has ended. */
    boolean read() {
      header.clear();
      header.setPointer(16, iovec);
      header.setLong(24, 1);
      header.setPointer(32, control);
      header.setLong(40, control.size());
      long n = LibC.recvmsg(fd, header, 0);
      if (n < 0) {
        if (Native.getLastError() == EAGAIN) {
          return false;
        }
        check(n, "recvmsg");
      }
      if (n == 0) {
        throw new IllegalStateException("the mock closed a stream's connection before its end");
      }
      long now = realtime();
      long stamp = stamp(now);
      byte[] bytes = buffer.getByteArray(0, (int) n);
      for (byte b : bytes) {
        token = b == TOKEN[token] ? token + 1 : (b == TOKEN[0] ? 1 : 0);
        if (token == TOKEN.length) {
          token = 0;
          if (count == stamped.length) {
            stamped = Arrays.copyOf(stamped, count * 2);
            read = Arrays.copyOf(read, count * 2);
          }
          stamped[count] = stamp;
          read[count++] = now;
        }
        end = b == END[end] ? end + 1 : (b == END[0] ? 1 : 0);
        if (end == END.length) {
          ended = true;
        }
      }
      return ended;
    }

    /** The kernel's receive stamp of the read's last bytes, from its control message. */
    private long stamp(long fallback) {
      long length = header.getLong(40);
      if (length < 32 || control.getInt(8) != SOL_SOCKET || control.getInt(12) != SO_TIMESTAMPNS) {
        throw new IllegalStateException(
            "a read came without its SO_TIMESTAMPNS stamp (control "
                + length
                + " bytes); read at "
                + fallback);
      }
      return control.getLong(16) * 1_000_000_000L + control.getLong(24);
    }

    Times times() {
      return new Times(sent, Arrays.copyOf(stamped, count), Arrays.copyOf(read, count));
    }
  }
}
