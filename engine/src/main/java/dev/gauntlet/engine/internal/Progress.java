package dev.gauntlet.engine.internal;

import dev.gauntlet.run.TaskRecord;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * Counts tasks as they are sent and as they finish and shows how the run is going: elapsed and planned time, tasks
 * sent and their rate against the target, tasks finished, success rate, p95 latency and accuracy so far, the faults switched on, and the time left. On
 * a terminal (and not in CI) one live line is rewritten every second; otherwise a plain line is printed every few
 * seconds (every 5 s for short runs, up to every 60 s for game days), fit for a CI log. Thread-safe:
 * {@link #accept} is called from Gatling's threads.
 */
final class Progress implements Consumer<TaskRecord>, AutoCloseable {

  private final LongAdder sent = new LongAdder();
  private final LongAdder done = new LongAdder();
  private final LongAdder ok = new LongAdder();
  private final LongAdder scored = new LongAdder();
  private final LongAdder correct = new LongAdder();
  private final ConcurrentHistogram latency = new ConcurrentHistogram(3);
  private final ScheduledExecutorService ticker =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "gauntlet-progress");
            t.setDaemon(true);
            return t;
          });
  private final PrintStream out;
  private final Duration total;
  private final double targetPerSecond;
  private final ProgressSources sources;
  private final boolean live;
  private volatile long startNanos;

  /** Plain lines, no scoring and no faults shown: what a run without a dataset or fault plane can tell. */
  Progress(PrintStream out, Duration total, double targetPerMinute) {
    this(out, total, targetPerMinute, ProgressSources.none(), false);
  }

  /**
   * @param sources scores answers and tells which faults are on
   * @param live    rewrite one line in place (a terminal) rather than print periodic lines; see {@code RunOptions.console}
   */
  Progress(
      PrintStream out,
      Duration total,
      double targetPerMinute,
      ProgressSources sources,
      boolean live) {
    this.out = out;
    this.total = total;
    this.targetPerSecond = targetPerMinute / 60.0;
    this.sources = sources;
    this.live = live;
  }

  /** Starts the clock and the periodic line; call when the first task is about to be sent. */
  void start() {
    startNanos = System.nanoTime();
    long every = live ? 1 : plainIntervalSeconds(total);
    ticker.scheduleAtFixedRate(this::print, every, every, TimeUnit.SECONDS);
  }

  /** A plain line every 1/60 of the run, but no more often than every 5 s and no less than every 60 s. */
  static long plainIntervalSeconds(Duration total) {
    return Math.max(5, Math.min(60, total.toSeconds() / 60));
  }

  /** One more task sent to the target; called from Gatling's threads as each virtual user starts its task. */
  void sent() {
    sent.increment();
  }

  @Override
  public void accept(TaskRecord record) {
    done.increment();
    if (!record.succeeded()) {
      return;
    }
    ok.increment();
    latency.recordValue(Math.max(0, record.latencyMs()));
    Boolean right = sources.score(record);
    if (right != null) {
      scored.increment();
      correct.add(right ? 1 : 0);
    }
  }

  private void print() {
    String text = line((System.nanoTime() - startNanos) / 1e9, sources.activeFaults());
    if (live) {
      out.print("\r" + text + "\033[K");
      out.flush();
    } else {
      out.println(text);
    }
  }

  /**
   * The progress line at {@code elapsed} seconds with {@code faults} on: tasks sent and their rate against the
   * target (tasks finished, when nothing reports sends), then what the finished ones show.
   */
  String line(double elapsed, List<String> faults) {
    long n = done.sum();
    long out = sent.sum();
    long succeeded = ok.sum();
    StringBuilder line =
        new StringBuilder(
            out == 0
                ? String.format(
                    "  %s / %s  tasks %d (%.1f/s, target %.1f/s)  ok %s",
                    clock(elapsed),
                    clock(total.toSeconds()),
                    n,
                    elapsed <= 0 ? 0.0 : n / elapsed,
                    targetPerSecond,
                    percent(succeeded, n))
                : String.format(
                    "  %s / %s  sent %d (%.1f/s, target %.1f/s)  done %d  ok %s",
                    clock(elapsed),
                    clock(total.toSeconds()),
                    out,
                    elapsed <= 0 ? 0.0 : out / elapsed,
                    targetPerSecond,
                    n,
                    percent(succeeded, n)));
    line.append("  p95 ")
        .append(
            succeeded == 0
                ? "n/a"
                : String.format("%.2f s", latency.getValueAtPercentile(95) / 1000.0));
    if (sources.scores()) {
      line.append("  acc ").append(percent(correct.sum(), scored.sum()));
    }
    line.append("  faults ").append(faults.isEmpty() ? "none" : String.join(",", faults));
    line.append("  ETA ").append(clock(Math.max(0, total.toSeconds() - elapsed)));
    return line.toString();
  }

  private static String percent(long part, long whole) {
    return whole == 0 ? "n/a" : String.format("%.1f%%", 100.0 * part / whole);
  }

  private static String clock(double seconds) {
    long s = (long) seconds;
    return s >= 3600
        ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format("%d:%02d", s / 60, s % 60);
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    if (live && startNanos != 0) {
      out.println(); // leave the live line in place and start the verdict on a line of its own
    }
  }
}
