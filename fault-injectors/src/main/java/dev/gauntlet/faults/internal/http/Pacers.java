package dev.gauntlet.faults.internal.http;

import com.sun.jna.Platform;
import io.netty.channel.epoll.Epoll;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Two threads, each pinned to a CPU of its own, that write the due chunks of paced streams, hedged: both wake at
 * each due time and take the due streams from one lock-free queue, so that when the hypervisor takes one CPU away
 * for a few milliseconds (steal), the thread on the other CPU writes every stream's tokens on time meanwhile. An
 * event loop cannot do that: its connections stay with it, and when its CPU stops, all of them wait.
 *
 * <p>On a shared 2-vCPU machine the hypervisor stopped one vCPU for 2-50 ms dozens of times a minute, and both at
 * once for a tenth of that time ({@code bench/streams.sh} measures the result). The pacers are started only where
 * they can help and are safe: Linux with Netty's epoll transport (a connection's socket is a file descriptor the
 * pacer can write to), and at least two CPUs to pin them to; and only when asked for, with the system property
 * {@code gauntlet.stream.pacers=true} (which starts the {@link ArrivalWatch} watchers too). By default streams go out from
 * their event loops: four threads pinned to the first two CPUs of every provider server are a hedge for a timing goal
 * measured on a lab benchmark, not what every user of the mocks should get.
 *
 * <p>Thread-safe. A stream is owned by whoever took it out of the queue last: a pacer while it writes, the event loop
 * that cancels it, or the thread that closes the pacers.
 */
final class Pacers implements AutoCloseable {

  private static final boolean WANTED = Boolean.getBoolean("gauntlet.stream.pacers");

  /** A stream written by the pacers, one chunk at a time; called by one pacer at a time, its owner. */
  abstract static class Paced {
    /** Its place in the queue while it waits; null while it is out (written, or done with). */
    private volatile Due key;

    /** When its next chunk is due, on the {@code System.nanoTime} scale. */
    abstract long dueAt();

    /** Writes the next chunk; true when another one follows (due at {@link #dueAt()}). */
    abstract boolean writeNext();

    /** Writing it threw something unforeseen: end it as a failed connection. Called by its owner, once. */
    abstract void fail();

    /** The server is stopping with this stream still queued: let go of what it holds. Called once. */
    abstract void abort();
  }

  private record Due(long at, long sequence) implements Comparable<Due> {
    @Override
    public int compareTo(Due other) {
      int c = Long.compare(at, other.at);
      return c != 0 ? c : Long.compare(sequence, other.sequence);
    }
  }

  private final ConcurrentSkipListMap<Due, Paced> queue = new ConcurrentSkipListMap<>();
  private final AtomicLong sequence = new AtomicLong();
  private final List<Pacer> threads = new ArrayList<>();
  private volatile boolean closed;

  private Pacers() {}

  /**
   * The two CPUs hedged threads (the pacers, the {@link ArrivalWatch} watchers) are pinned to, the first two this process
   * may run on; null unless asked for ({@code -Dgauntlet.stream.pacers=true}) and where they cannot run or would not
   * help: not Linux, no epoll, fewer than two CPUs.
   */
  static int[] hedgeCpus() {
    if (!WANTED || !Platform.isLinux() || !Platform.is64Bit() || !Epoll.isAvailable()) {
      return null;
    }
    try {
      int[] cpus = Linux.allowedCpus();
      return cpus.length < 2 ? null : new int[] {cpus[0], cpus[1]};
    } catch (LinkageError | RuntimeException e) {
      return null; // no libc through JNA: the event loops do it all
    }
  }

  /** Two pacers pinned to the CPUs {@link #hedgeCpus()} gives, or null where there are none. */
  static Pacers start(String name) {
    int[] cpus = hedgeCpus();
    if (cpus == null) {
      return null;
    }
    Pacers pacers = new Pacers();
    for (int i = 0; i < cpus.length; i++) {
      Pacer pacer = pacers.new Pacer(name + "-pacer-" + i, cpus[i]);
      pacers.threads.add(pacer);
      pacer.start();
    }
    return pacers;
  }

  /** Queues {@code stream} for its first chunk: false, and nothing queued, once the pacers are closing. */
  boolean add(Paced stream) {
    if (closed) {
      return false;
    }
    put(stream);
    return true;
  }

  /**
   * Takes {@code stream} out of the queue for good, if it is waiting there: true when the caller now owns it; false
   * when a pacer is writing it (the pacer goes on with it as the stream says) or it is out of the queue for good.
   */
  boolean remove(Paced stream) {
    Due key = stream.key;
    if (key != null && queue.remove(key, stream)) {
      stream.key = null;
      return true;
    }
    return false;
  }

  private void put(Paced stream) {
    Due key = new Due(stream.dueAt(), sequence.incrementAndGet());
    stream.key = key;
    queue.put(key, stream);
    if (closed) {
      // Queued after close() drained the queue (a pacer that outlived its join): let go of it here,
      // if still there.
      if (remove(stream)) {
        stream.abort();
      }
      return;
    }
    for (Pacer pacer : threads) {
      if (key.at() < pacer.wakeAt) {
        LockSupport.unpark(pacer);
      }
    }
  }

  /** Stops the pacers, then lets go of the streams still queued. */
  @Override
  public void close() {
    closed = true;
    for (Pacer pacer : threads) {
      LockSupport.unpark(pacer);
    }
    for (Pacer pacer : threads) {
      try {
        pacer.join(2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    for (Map.Entry<Due, Paced> left; (left = queue.pollFirstEntry()) != null; ) {
      left.getValue().key = null;
      left.getValue().abort();
    }
  }

  private final class Pacer extends Thread {
    private final int cpu;

    /** When it will wake next: an earlier stream unparks it. {@code Long.MIN_VALUE} while it is awake. */
    volatile long wakeAt = Long.MIN_VALUE;

    Pacer(String name, int cpu) {
      super(name);
      this.cpu = cpu;
      setDaemon(true);
    }

    @Override
    public void run() {
      Linux.pinIfPossible(cpu);
      while (!closed) {
        Map.Entry<Due, Paced> first = queue.firstEntry();
        long now = System.nanoTime();
        if (first == null || first.getKey().at() > now) {
          sleep(first == null ? Long.MAX_VALUE : first.getKey().at(), now);
          continue;
        }
        Paced stream = first.getValue();
        if (queue.remove(first.getKey(), stream)) {
          stream.key = null;
          boolean more;
          try {
            more = stream.writeNext();
          } catch (Throwable e) {
            more = false; // a stream's own failure ends that stream as failed, never the pacer
            stream.fail();
          }
          if (more) {
            put(stream);
          }
        }
      }
    }

    /** Sleeps until {@code at} unless a stream due earlier was queued meanwhile. */
    private void sleep(long at, long now) {
      wakeAt = at;
      Map.Entry<Due, Paced> again = queue.firstEntry();
      if ((again == null || again.getKey().at() >= at) && !closed) {
        if (at == Long.MAX_VALUE) {
          LockSupport.park(this);
        } else {
          LockSupport.parkNanos(this, at - now);
        }
      }
      wakeAt = Long.MIN_VALUE;
    }
  }
}
