package dev.gauntlet.faults.internal.http;

import com.sun.jna.Memory;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.unix.UnixChannel;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * When each request reached the server, hedged across CPUs like the {@link Pacers}: two threads, each pinned to a CPU
 * of its own and each with its own {@code epoll} set of every connection, wake when bytes arrive on a connection and
 * note the time. A stream's time to first token is counted from the request's arrival; where the connection's event
 * loop reads the request late because the hypervisor stopped its vCPU, the note of the watcher on the other vCPU
 * keeps the first token on time.
 *
 * <p>A note is only used where it cannot make a token early: it is taken before the loop's read {@code k} only when
 * the watcher saw unread bytes after the loop's read {@code k - 1} began (so after its {@code recv} returned) and
 * before read {@code k} did, and only for the first request of read {@code k}, when no request was in progress after
 * read {@code k - 1} and read {@code k} held the whole request: every byte of that read then belongs to this request
 * or a later one, so a note of any of them is no earlier than the client sent this request. Every other request counts from when the loop read it, as without the watchers.
 *
 * <p>Thread-safe. Each connection's {@link Tracker} is confined to its event loop; the watchers touch only its read
 * count and note.
 */
final class ArrivalWatch implements AutoCloseable {

  private static final int MAX_CONNECTIONS = 1 << 16;
  private static final int MAX_EVENTS = 256;

  private final AtomicReferenceArray<Watch> watches = new AtomicReferenceArray<>(MAX_CONNECTIONS);
  private final ConcurrentLinkedQueue<Integer> free = new ConcurrentLinkedQueue<>();
  private final AtomicInteger used = new AtomicInteger();
  private final List<Watcher> watchers = new ArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  private ArrivalWatch() {}

  /** Two watchers pinned to the CPUs {@link Pacers#hedgeCpus()} gives, or null where there are none. */
  static ArrivalWatch start(String name) {
    int[] cpus = Pacers.hedgeCpus();
    if (cpus == null) {
      return null;
    }
    ArrivalWatch arrivals = new ArrivalWatch();
    int started = 0;
    try {
      for (int i = 0; i < cpus.length; i++) {
        arrivals.watchers.add(
            arrivals.new Watcher(name + "-arrivals-" + i, cpus[i], Linux.epollCreate()));
      }
      for (Watcher watcher : arrivals.watchers) {
        watcher.start();
        started++;
      }
      return arrivals;
    } catch (Throwable e) { // no descriptor or no thread left: the loops date every request
      arrivals.closed.set(true); // the started watchers stop and close their own epoll descriptors
      arrivals
          .watchers
          .subList(started, arrivals.watchers.size())
          .forEach(w -> Linux.closeQuietly(w.epfd));
      return null;
    }
  }

  /** A note: when a watcher saw unread bytes, between the loop's reads {@code reads - 1} and {@code reads}. */
  private record Note(long reads, long nanos) {}

  /** One connection as the watchers know it. */
  static final class Watch {
    final int slot;
    final int fd;

    /** How many reads the event loop has begun on the connection. */
    volatile long reads;

    final AtomicReference<Note> note = new AtomicReference<>();

    Watch(int slot, int fd) {
      this.slot = slot;
      this.fd = fd;
    }

    /** Keeps the latest note for read {@code reads}: the latest bytes that read may hold. */
    void noted(long reads, long nanos) {
      for (Note current = note.get(); ; current = note.get()) {
        if (current != null
            && (current.reads > reads || (current.reads == reads && current.nanos >= nanos))) {
          return;
        }
        if (note.compareAndSet(current, new Note(reads, nanos))) {
          return;
        }
      }
    }

    /** On the loop, as read number {@link #reads} begins: that read's note, or 0 where there is none to use. */
    long begin() {
      long k = reads;
      reads = k + 1;
      // Keeps a note a watcher made for the next read since the line above; takes (and clears)
      // anything older.
      Note taken = note.getAndUpdate(n -> n != null && n.reads > k ? n : null);
      return taken != null && taken.reads == k ? taken.nanos : 0;
    }
  }

  private Watch watch(int fd) {
    if (closed.get()) {
      return null;
    }
    Integer slot = free.poll();
    if (slot == null) {
      int next = used.getAndIncrement();
      if (next >= MAX_CONNECTIONS) {
        used.decrementAndGet();
        return null;
      }
      slot = next;
    }
    Watch watch = new Watch(slot, fd);
    watches.set(slot, watch);
    for (Watcher watcher : watchers) {
      Linux.epollAdd(watcher.epfd, fd, Linux.EPOLLIN | Linux.EPOLLET, slot);
    }
    return watch;
  }

  private void forget(Watch watch) {
    // No EPOLL_CTL_DEL: the descriptor is closed by now and its number may belong to a newer
    // connection. The kernel
    // drops the registration when the connection's last descriptor closes; until then its events
    // find this slot empty
    // or another connection's watch, whose own descriptor the watcher then asks.
    if (watches.compareAndSet(watch.slot, watch, null)) {
      free.add(watch.slot);
    }
  }

  /**
   * Stops the watchers, each of which closes its own epoll descriptor as it ends (within about 100 ms). Idempotent.
   * Call it once no connection can become active any more (after the event loops have stopped): a connection
   * registered after it could land in a closed descriptor's number.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    for (Watcher watcher : watchers) {
      try {
        watcher.join(2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /**
   * The handlers of one connection: {@link #reads()} goes ahead of the HTTP codec and sees each read of the socket,
   * {@link #requests()} goes after it and sees where each request begins and ends; {@link #arrived()} is the arrival
   * of the request that ended last. Confined to the connection's event loop. Without watchers (null) it counts every
   * request from when the loop read it.
   */
  static final class Tracker {
    private final ArrivalWatch arrivals;
    private Watch watch;

    /** The current read: when the loop began it, the watchers' note for it (0 for none), if it began between requests. */
    private long readAt;

    private long readNote;
    private boolean readAtBoundary;
    private long readCount;

    /** The request being read: whether one is, the read it began in, and the note that may date it (0 for none). */
    private boolean inRequest;

    private long requestRead = -1;
    private long requestNote;
    private long arrived;

    /** True while the request that just ended goes up the pipeline, as it is read. */
    private boolean dispatching;

    Tracker(ArrivalWatch arrivals) {
      this.arrivals = arrivals;
    }

    /** Watches the connection through {@code watch} from now on (tests; otherwise its channel's activation does). */
    void watching(Watch watch) {
      this.watch = watch;
    }

    /** The handler ahead of the HTTP codec. */
    ChannelHandler reads() {
      return new ChannelInboundHandlerAdapter() {
        @Override
        public void channelActive(ChannelHandlerContext ctx) throws Exception {
          if (arrivals != null && ctx.channel() instanceof UnixChannel unix) {
            watch = arrivals.watch(unix.fd().intValue());
          }
          super.channelActive(ctx);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
          readAt = System.nanoTime();
          readNote = watch == null ? 0 : watch.begin();
          readAtBoundary = !inRequest;
          readCount++;
          super.channelRead(ctx, msg);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
          if (watch != null) {
            arrivals.forget(watch);
            watch = null;
          }
          super.channelInactive(ctx);
        }
      };
    }

    /** The handler right after the HTTP codec. */
    ChannelHandler requests() {
      return new ChannelInboundHandlerAdapter() {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
          if (msg instanceof HttpRequest) {
            boolean first =
                readAtBoundary && requestRead != readCount; // none began earlier in this read
            inRequest = true;
            requestRead = readCount;
            requestNote = first ? readNote : 0;
          }
          if (!(msg instanceof LastHttpContent)) {
            super.channelRead(ctx, msg);
            return;
          }
          inRequest = false;
          arrived =
              requestRead == readCount && requestNote != 0 ? Math.min(requestNote, readAt) : readAt;
          dispatching = true;
          try {
            super.channelRead(ctx, msg);
          } finally {
            dispatching = false;
          }
        }
      };
    }

    /**
     * When the request now going up the pipeline arrived, on the {@code System.nanoTime} scale; now, for a request
     * a handler ahead held and passes on later (a self-hosted server's device latency), whose answer starts then.
     */
    long arrived() {
      return dispatching ? arrived : System.nanoTime();
    }
  }

  private final class Watcher extends Thread {
    private final int cpu;
    final int epfd;

    Watcher(String name, int cpu, int epfd) {
      super(name);
      this.cpu = cpu;
      this.epfd = epfd;
      setDaemon(true);
    }

    @Override
    public void run() {
      Linux.pinIfPossible(cpu);
      try {
        note();
      } finally {
        Linux.closeQuietly(
            epfd); // here, not in close(): no epoll_wait can then come on a number reused since
      }
    }

    /** Notes arrivals until the watchers close. */
    private void note() {
      Memory events = new Memory((long) Linux.EVENT_SIZE * MAX_EVENTS);
      Memory scratch = new Memory(4);
      while (!closed.get()) {
        int ready = Linux.epollWait(epfd, events, MAX_EVENTS, 100);
        for (int i = 0; i < ready; i++) {
          long slot = Linux.eventData(events, i);
          Watch watch = slot >= 0 && slot < MAX_CONNECTIONS ? watches.get((int) slot) : null;
          if (watch == null) {
            continue;
          }
          long reads = watch.reads;
          if (Linux.unread(watch.fd, scratch) > 0) {
            long now = System.nanoTime(); // after the bytes were seen: never earlier than they came
            if (watch.reads == reads) {
              watch.noted(reads, now);
            }
          }
        }
      }
    }
  }
}
