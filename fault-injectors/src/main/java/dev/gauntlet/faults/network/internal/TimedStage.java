package dev.gauntlet.faults.network.internal;

import io.netty.buffer.ByteBuf;
import java.util.ArrayDeque;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A stage that lets each piece of data, and the end of the stream, go on at a time its subclass chooses, never
 * earlier than the piece before it. Not thread-safe: used on the connection's event loop only.
 */
abstract class TimedStage extends ToxicStage {

  private record Due(ByteBuf bytes, long at) {}

  private final ArrayDeque<Due> queue = new ArrayDeque<>();
  private ScheduledFuture<?> timer;
  private long last = System.nanoTime();

  /** When the last piece queued so far goes on, in {@link System#nanoTime()} terms; never before now. */
  protected final long lastDue() {
    return Math.max(last, System.nanoTime());
  }

  /** Lets {@code bytes} go on at {@code at}, or right after the piece before it if that is later. */
  protected final void later(ByteBuf bytes, long at) {
    last = Math.max(last, at);
    if (queue.isEmpty() && last - System.nanoTime() <= 0) {
      emit(bytes);
      return;
    }
    link.hold(bytes.readableBytes());
    queue.add(new Due(bytes, last));
    schedule();
  }

  /** Ends the stream right after the last piece queued. */
  protected final void endAfterQueued() {
    endAt(last);
  }

  /** Ends the stream at {@code at}, or right after the last piece queued if that is later. */
  protected final void endAt(long at) {
    last = Math.max(last, at);
    if (queue.isEmpty() && last - System.nanoTime() <= 0) {
      finish();
      return;
    }
    queue.add(new Due(null, last));
    schedule();
  }

  private void schedule() {
    if (timer == null && !queue.isEmpty()) {
      long wait = queue.peek().at() - System.nanoTime();
      timer = link.executor().schedule(this::drain, Math.max(0, wait), TimeUnit.NANOSECONDS);
    }
  }

  private void drain() {
    timer = null;
    long now = System.nanoTime();
    while (!queue.isEmpty() && queue.peek().at() - now <= 0) {
      pass(queue.poll());
    }
    schedule();
  }

  private void pass(Due due) {
    if (due.bytes() == null) {
      finish();
    } else {
      link.unhold(due.bytes().readableBytes());
      emit(due.bytes());
    }
  }

  private void cancel() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
    last = System.nanoTime();
  }

  @Override
  protected final void release() {
    cancel();
    while (!queue.isEmpty()) {
      pass(queue.poll());
    }
  }

  @Override
  protected final void discard() {
    cancel();
    for (Due due : queue) {
      if (due.bytes() != null) {
        link.unhold(due.bytes().readableBytes());
        due.bytes().release();
      }
    }
    queue.clear();
  }
}
