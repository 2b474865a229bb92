package dev.gauntlet.reports;

import dev.gauntlet.run.JsonLines;
import dev.gauntlet.run.RunDirectory;
import dev.gauntlet.run.TaskRecord;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What a baseline comparison needs from one run: its whole-run metrics and the tasks behind each (from verdict.json),
 * and the sorted latencies and times to first token of its successful tasks (from records.jsonl, whole milliseconds).
 * Immutable by convention (the arrays are not copied); thread-safe.
 *
 * @param metrics whole-run metrics by name, null where not measured
 * @param samples tasks behind each metric that has a count
 * @param latencies successful tasks' latencies in milliseconds, sorted ascending
 * @param ttfts     successful streamed tasks' times to first token in milliseconds, sorted ascending
 */
public record RunSample(
    Map<String, Double> metrics, Map<String, Long> samples, long[] latencies, long[] ttfts) {

  /** Reads {@code run}'s verdict.json and streams its records.jsonl once, leaving out its warm-up as its metrics do. */
  public static RunSample read(RunDirectory run) {
    RunDiff.Measured measured = RunDiff.Measured.read(run);
    return of(measured.metrics(), measured.samples(), run, measured.judgedFromMs());
  }

  /**
   * {@code metrics} and {@code samples} measured already, with the values streamed from {@code run}'s records of the
   * tasks started at {@code judgedFromMs} or later (the end of the warm-up, which no metric counts).
   */
  public static RunSample of(
      Map<String, Double> metrics, Map<String, Long> samples, RunDirectory run, long judgedFromMs) {
    Growing latencies = new Growing();
    Growing ttfts = new Growing();
    JsonLines.forEach(
        run.records(),
        TaskRecord.class,
        record -> {
          if (record.succeeded() && record.startMs() >= judgedFromMs) {
            latencies.add(Math.max(0, record.latencyMs()));
            if (record.ttftMs() != null) {
              ttfts.add(Math.max(0, record.ttftMs()));
            }
          }
        });
    return new RunSample(metrics, samples, latencies.sorted(), ttfts.sorted());
  }

  /** The successful tasks' values of {@code metric}'s kind: latencies for {@code latency.*}, TTFTs for {@code ttft.*}. */
  long[] values(String metric) {
    return metric.startsWith("ttft.") ? ttfts : latencies;
  }

  /** Every run's values of {@code metric}'s kind in one sorted array. */
  static long[] pooled(List<RunSample> runs, String metric) {
    Growing all = new Growing();
    runs.forEach(
        run -> {
          for (long v : run.values(metric)) {
            all.add(v);
          }
        });
    return all.sorted();
  }

  /** A long array that grows by doubling. */
  private static final class Growing {
    private long[] values = new long[1024];
    private int size;

    void add(long value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    long[] sorted() {
      long[] out = Arrays.copyOf(values, size);
      Arrays.sort(out);
      return out;
    }
  }
}
