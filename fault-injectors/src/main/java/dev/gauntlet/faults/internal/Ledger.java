package dev.gauntlet.faults.internal;

import dev.gauntlet.run.JsonLinesWriter;
import dev.gauntlet.run.LedgerEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Appends ledger entries from a background thread, so that serving threads never wait on the disk. Entries are in
 * the file within milliseconds of being recorded, and all of them once {@link #close()} returns. Thread-safe.
 */
public final class Ledger implements AutoCloseable {

  private static final LedgerEntry END =
      new LedgerEntry(0, "", null, null, null, null, null, 0, 0, 0, 0, 0, null, false, 0, 0);

  private final JsonLinesWriter<LedgerEntry> out;
  private final BlockingQueue<LedgerEntry> queue = new LinkedBlockingQueue<>();
  private final Thread drainer;
  private volatile boolean closed;
  private volatile boolean failed;

  private Ledger(JsonLinesWriter<LedgerEntry> out) {
    this.out = out;
    this.drainer = new Thread(this::drain, "gauntlet-ledger");
    drainer.setDaemon(true);
    drainer.start();
  }

  /** Opens {@code file} for appending. */
  public static Ledger open(Path file) {
    return new Ledger(JsonLinesWriter.append(file));
  }

  /** Queues one entry; entries recorded after close are dropped, since the file is closed. */
  public void record(LedgerEntry entry) {
    if (!closed && !failed) {
      queue.add(entry);
    }
  }

  private void drain() {
    List<LedgerEntry> batch = new ArrayList<>();
    try {
      while (true) {
        batch.add(queue.take());
        queue.drainTo(batch);
        for (LedgerEntry entry : batch) {
          if (entry == END) {
            return;
          }
          out.write(entry);
        }
        batch.clear();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // Say so loudly rather than let cost and hallucination counts read low without a word.
      failed = true;
      queue.clear();
      System.err.println(
          "gauntlet: stopped writing the ledger ("
              + e.getMessage()
              + "); cost and tool-call "
              + "metrics of this run will be incomplete");
    }
  }

  /** Writes every queued entry and closes the file. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    queue.add(END);
    try {
      drainer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    out.close();
  }
}
