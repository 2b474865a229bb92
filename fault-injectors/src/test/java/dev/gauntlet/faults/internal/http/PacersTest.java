package dev.gauntlet.faults.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pacers as a scheduler, with streams that only note when and by whom each chunk was written: never early, in
 * order, once; a stream taken out is never written again; a pacer stuck in one write (its CPU stopped) does not hold
 * up the streams due meanwhile. Upper bounds on time are generous: a loaded machine may make anything later.
 */
class PacersTest {

  private Pacers pacers;

  @BeforeEach
  void start() {
    pacers = Pacers.start("test");
    assumeTrue(pacers != null, "pacers run on Linux with epoll and two CPUs");
  }

  @AfterEach
  void stop() {
    if (pacers != null) {
      pacers.close();
    }
  }

  /** A stream of {@code chunks} chunks due {@code gap} apart from {@code first}, noting each write. */
  private static class Noted extends Pacers.Paced {
    final long[] due;
    final long[] written;
    final List<String> by = new ArrayList<>();
    final CountDownLatch done = new CountDownLatch(1);
    final AtomicInteger aborted = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger inFlight = new AtomicInteger();
    volatile boolean overlapped;
    int next;

    Noted(long first, long gap, int chunks) {
      due = new long[chunks];
      written = new long[chunks];
      for (int i = 0; i < chunks; i++) {
        due[i] = first + i * gap;
      }
    }

    @Override
    long dueAt() {
      return due[next];
    }

    @Override
    boolean writeNext() {
      calls.incrementAndGet();
      if (inFlight.getAndIncrement() != 0) {
        overlapped = true;
      }
      try {
        return write();
      } finally {
        inFlight.decrementAndGet();
      }
    }

    boolean write() {
      if (next == due.length) {
        throw new IllegalStateException("written after its last chunk");
      }
      written[next] = System.nanoTime();
      by.add(Thread.currentThread().getName());
      next++;
      if (next == due.length) {
        done.countDown();
        return false;
      }
      return true;
    }

    @Override
    void fail() {
      failed.incrementAndGet();
    }

    @Override
    void abort() {
      aborted.incrementAndGet();
    }
  }

  @Test
  void everyChunkIsWrittenOnceInOrderByOnePacerAtATimeAndNeverBeforeItIsDue()
      throws InterruptedException {
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
    List<Noted> streams = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      Noted stream = new Noted(start + i * 100_000L, TimeUnit.MILLISECONDS.toNanos(3), 10);
      streams.add(stream);
      pacers.add(stream);
    }
    for (Noted stream : streams) {
      assertThat(stream.done.await(10, TimeUnit.SECONDS)).isTrue();
    }
    Thread.sleep(50); // a stray extra write would come now
    for (Noted stream : streams) {
      assertThat(stream.calls).as("one write per chunk").hasValue(10);
      assertThat(stream.overlapped).as("two pacers in one stream at once").isFalse();
      assertThat(stream.failed).hasValue(0);
      for (int c = 0; c < 10; c++) {
        assertThat(stream.written[c]).as("chunk %d", c).isGreaterThanOrEqualTo(stream.due[c]);
      }
    }
  }

  @Test
  void aStreamWhoseWriteThrowsIsFailedAndThePacersCarryOn() throws InterruptedException {
    Noted broken =
        new Noted(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5), 1_000_000, 3) {
          @Override
          boolean write() {
            throw new IllegalStateException("a bug in one stream");
          }
        };
    Noted sound = new Noted(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20), 1_000_000, 3);
    pacers.add(broken);
    pacers.add(sound);

    assertThat(sound.done.await(5, TimeUnit.SECONDS)).as("the other stream is written").isTrue();
    assertThat(broken.failed).hasValue(1);
    assertThat(broken.calls).hasValue(1);
  }

  @Test
  void aStreamTakenOutOfTheQueueIsNeverWritten() throws InterruptedException {
    Noted stream = new Noted(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50), 1_000_000, 3);
    pacers.add(stream);

    assertThat(pacers.remove(stream)).as("the caller owns it now").isTrue();
    assertThat(pacers.remove(stream)).as("only once").isFalse();
    Thread.sleep(150);

    assertThat(stream.next).isZero();
  }

  @Test
  void closingLetsGoOfTheStreamsStillQueued() {
    Noted stream = new Noted(System.nanoTime() + TimeUnit.SECONDS.toNanos(60), 1, 2);
    pacers.add(stream);

    pacers.close();
    pacers.close();

    assertThat(stream.aborted).hasValue(1);
    assertThat(pacers.remove(stream)).isFalse();
    assertThat(pacers.add(new Noted(System.nanoTime(), 1, 1)))
        .as("nothing is queued once closed")
        .isFalse();
    pacers = null;
  }

  @Test
  void aPacerStuckInOneWriteDoesNotHoldUpTheStreamsDueMeanwhile() throws InterruptedException {
    // One write blocks 400 ms, as a pacer whose CPU the hypervisor stopped mid-write would: the
    // other pacer writes
    // every chunk due in the meantime.
    CountDownLatch stuck = new CountDownLatch(1);
    Noted staller =
        new Noted(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10), 1, 1) {
          @Override
          boolean writeNext() {
            stuck.countDown();
            try {
              Thread.sleep(400);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return super.writeNext();
          }
        };
    pacers.add(staller);
    assertThat(stuck.await(5, TimeUnit.SECONDS)).isTrue();
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10);
    ConcurrentLinkedQueue<Noted> others = new ConcurrentLinkedQueue<>();
    for (int i = 0; i < 20; i++) {
      Noted other = new Noted(start + i * 1_000_000L, TimeUnit.MILLISECONDS.toNanos(10), 10);
      others.add(other);
      pacers.add(other);
    }

    for (Noted other : others) {
      assertThat(other.done.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(other.written[9] - other.due[9])
          .as("late by far less than the stuck write")
          .isLessThan(TimeUnit.MILLISECONDS.toNanos(200));
    }
    assertThat(staller.done.await(5, TimeUnit.SECONDS)).isTrue();
  }
}
