package dev.gauntlet.faults.memory.internal;

import dev.gauntlet.faults.memory.MemoryHold;
import dev.gauntlet.faults.memory.MemoryRamp;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A {@link MemoryHold} driven by one thread of its own: it allocates at the ramp's rate in chunks of at most
 * {@link #MAX_CHUNK}, holds, and frees everything when closed, so every native call happens on that one thread.
 * Thread-safe.
 */
public final class Ramp implements MemoryHold {

  static final long MAX_CHUNK = 64 * MemoryRamp.MIB;
  private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

  private final Allocator allocator;
  private final MemoryRamp ramp;
  private final long granule;
  private final AtomicLong allocated = new AtomicLong();
  private final CountDownLatch settled = new CountDownLatch(1);
  private final CountDownLatch freed = new CountDownLatch(1);
  private final Thread worker;
  private final Thread hook;
  private volatile boolean stopping;
  private volatile String failure;

  private Ramp(Allocator allocator, MemoryRamp ramp, long granule, String name) {
    this.allocator = allocator;
    this.ramp = ramp;
    this.granule = granule;
    this.worker = new Thread(this::run, name);
    this.hook = new Thread(this::close, name + "-release-on-exit");
  }

  /** Starts ramping; allocations are rounded up to {@code granule} bytes (the page size for host memory). */
  public static Ramp start(Allocator allocator, MemoryRamp ramp, long granule, String name) {
    Ramp r = new Ramp(allocator, ramp, granule, name);
    r.worker.setDaemon(true);
    Runtime.getRuntime().addShutdownHook(r.hook);
    r.worker.start();
    return r;
  }

  @Override
  public long targetBytes() {
    return ramp.bytes();
  }

  @Override
  public long allocatedBytes() {
    return allocated.get();
  }

  @Override
  public boolean awaitTarget(Duration timeout) throws InterruptedException {
    return settled.await(timeout.toNanos(), TimeUnit.NANOSECONDS)
        && allocated.get() >= ramp.bytes();
  }

  @Override
  public Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  @Override
  public void close() {
    stopping = true;
    LockSupport.unpark(worker);
    awaitFreed();
    if (Thread.currentThread() != hook) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running or about to; it finds everything freed.
      }
    }
  }

  private void awaitFreed() {
    boolean interrupted = false;
    while (freed.getCount() > 0) {
      try {
        freed.await();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    Deque<long[]> chunks = new ArrayDeque<>();
    try {
      grow(chunks);
    } catch (RuntimeException e) {
      failure = e.getMessage();
    } finally {
      settled.countDown();
    }
    while (!stopping) {
      LockSupport.park(this);
    }
    for (long[] chunk : chunks) {
      allocator.free(chunk[0], chunk[1]);
      allocated.addAndGet(-chunk[1]);
    }
    freed.countDown();
  }

  private void grow(Deque<long[]> chunks) {
    allocator.begin();
    long start = System.nanoTime();
    while (!stopping && allocated.get() < ramp.bytes()) {
      long due = due(System.nanoTime() - start);
      while (!stopping && allocated.get() < due) {
        long bytes = Math.min(MAX_CHUNK, roundUp(due - allocated.get()));
        chunks.push(new long[] {allocator.allocate(bytes), bytes});
        allocated.addAndGet(bytes);
      }
      LockSupport.parkNanos(this, TICK_NANOS);
    }
  }

  private long due(long elapsedNanos) {
    double bytes = ramp.megabytesPerSecond() * MemoryRamp.MIB * (elapsedNanos / 1e9);
    return bytes >= ramp.bytes() ? ramp.bytes() : (long) bytes;
  }

  private long roundUp(long bytes) {
    return Math.min(ramp.bytes() - allocated.get(), (bytes + granule - 1) / granule * granule);
  }
}
