package dev.gauntlet.engine.internal;

import dev.gauntlet.run.JsonLinesWriter;
import dev.gauntlet.run.TaskRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Takes finished task records from Gatling's threads and hands them, in the order they came, to one thread that
 * appends them to {@code records.jsonl} and then to {@code also} (the progress line). Gatling's threads only enqueue:
 * the same threads start the arrivals, and at tens of thousands of tasks a minute, serialising, writing and flushing
 * each line under the file's lock on them made the next arrivals late. The writer flushes after each batch it drains,
 * so a line reaches the file within milliseconds of its task's end; {@link #close()} writes every record accepted
 * before it. A write that fails (a full disk) stops the writing; the records after it are dropped and the failure is
 * thrown by {@link #close()}. Thread-safe.
 */
final class RecordQueue implements Consumer<TaskRecord>, AutoCloseable {

  private static final int BATCH = 1024;
  private static final long CLOSE_WAIT_SECONDS = 30;

  private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
  private final JsonLinesWriter<TaskRecord> file;
  private final Consumer<TaskRecord> also;
  private final Thread writer;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Object end = new Object();
  private volatile RuntimeException failure;

  RecordQueue(JsonLinesWriter<TaskRecord> file, Consumer<TaskRecord> also) {
    this.file = file;
    this.also = also;
    this.writer = new Thread(this::drain, "gauntlet-records");
    writer.start();
  }

  /** Queues {@code record}; returns at once. Records accepted after {@link #close()} are dropped. */
  @Override
  public void accept(TaskRecord record) {
    if (!closed.get()) {
      queue.add(record);
    }
  }

  private void drain() {
    List<Object> batch = new ArrayList<>(BATCH);
    List<TaskRecord> records = new ArrayList<>(BATCH);
    boolean ended = false;
    while (!ended) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      queue.drainTo(batch, BATCH - 1);
      for (Object item : batch) {
        if (item == end) {
          ended = true;
        } else {
          records.add((TaskRecord) item);
        }
      }
      write(records);
      batch.clear();
      records.clear();
    }
  }

  private void write(List<TaskRecord> records) {
    if (failure != null || records.isEmpty()) {
      return;
    }
    try {
      file.writeAll(records);
      records.forEach(also);
    } catch (RuntimeException e) {
      failure = e;
    }
  }

  /** Writes every record accepted so far, then stops the writer; throws what made a write fail, if one did. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      queue.add(end);
      try {
        writer.join(TimeUnit.SECONDS.toMillis(CLOSE_WAIT_SECONDS));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
