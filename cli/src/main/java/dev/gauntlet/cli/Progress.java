package dev.gauntlet.cli;

import dev.gauntlet.run.TaskRecord;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Counts tasks as they finish and prints one plain progress line every few seconds, fit for a terminal and a CI
 * log alike. Thread-safe: {@link #accept} is called from Gatling's threads.
 */
final class Progress implements Consumer<TaskRecord>, AutoCloseable {

  private final LongAdder done = new LongAdder();
  private final LongAdder ok = new LongAdder();
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "gauntlet-progress");
    t.setDaemon(true);
    return t;
  });
  private final PrintStream out;
  private final Duration total;
  private final double targetPerSecond;
  private volatile long startNanos;

  Progress(PrintStream out, Duration total, double targetPerMinute) {
    this.out = out;
    this.total = total;
    this.targetPerSecond = targetPerMinute / 60.0;
  }

  /** Starts the clock and the periodic line; call when the first task is about to be sent. */
  void start() {
    startNanos = System.nanoTime();
    ticker.scheduleAtFixedRate(this::print, 5, 5, TimeUnit.SECONDS);
  }

  @Override
  public void accept(TaskRecord record) {
    done.increment();
    if (record.succeeded()) {
      ok.increment();
    }
  }

  private void print() {
    double elapsed = (System.nanoTime() - startNanos) / 1e9;
    long n = done.sum();
    out.printf("  %s / %s  tasks %d (%.1f/s, target %.1f/s)  ok %.1f%%%n", clock(elapsed), clock(total.toSeconds()),
        n, n / elapsed, targetPerSecond, n == 0 ? 0.0 : 100.0 * ok.sum() / n);
  }

  private static String clock(double seconds) {
    long s = (long) seconds;
    return String.format("%d:%02d", s / 60, s % 60);
  }

  @Override
  public void close() {
    ticker.shutdownNow();
  }
}
