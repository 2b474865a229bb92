package dev.gauntlet.reports.internal;

import dev.gauntlet.reports.FaultPlaneCheck;
import dev.gauntlet.reports.Status;
import dev.gauntlet.run.LedgerEntry;
import dev.gauntlet.run.TaskRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cross-checks the client against the fault plane: the time the client measured for a task (records.jsonl,
 * {@code start_ms} to {@code start_ms + latency_ms}) must cover the span of the calls the ledger tied to it, from the
 * first call's arrival ({@link LedgerEntry#arrivedMs()}) to the last one's last byte ({@link LedgerEntry#endMs()}),
 * within {@link #TOLERANCE_MS} on each side for the two millisecond clock readings. Both are read from the same
 * JVM's wall clock. Only tasks the agent answered (any HTTP status) are checked: after a timeout or a dropped
 * connection the agent may well go on calling. Feed it the ledger, then the records; not thread-safe.
 */
final class LedgerCoverage {

  /** Slack on each side: each end is two millisecond readings, each up to 1 ms short. */
  static final long TOLERANCE_MS = 2;

  private static final int EXAMPLES = 5;

  private record Span(long startMs, long endMs, int calls) {
    Span with(LedgerEntry e) {
      return new Span(
          Math.min(startMs, e.arrivedMs()), Math.max(endMs, sendingEndMs(e)), calls + 1);
    }
  }

  private final Map<String, Span> spans = new HashMap<>();
  private final List<String> examples = new ArrayList<>();
  private long checked;
  private long violations;

  /** Adds a ledger entry to its task's span; entries not tied to a task are skipped. */
  void ledger(LedgerEntry e) {
    if (e.taskId() != null) {
      spans.merge(e.taskId(), new Span(e.arrivedMs(), sendingEndMs(e), 1), (a, b) -> a.with(e));
    }
  }

  /**
   * The earliest a call's last bytes can have left the mock: its arrival plus when its first byte was written (a whole
   * answer is written at once) or, for a paced stream, when its last event was due, whichever is later.
   */
  static long sendingEndMs(LedgerEntry e) {
    long paced = e.pacedLastMs() == null ? 0 : e.pacedLastMs();
    return e.arrivedMs() + Math.max(0, Math.max(e.firstByteMs(), paced));
  }

  /** Checks one task against the span of its calls. */
  void record(TaskRecord r) {
    Span span = spans.get(r.taskId());
    if (span == null || r.status() == 0) {
      return;
    }
    checked++;
    long early = r.startMs() - span.startMs();
    long late = span.endMs() - r.endMs();
    if (early > TOLERANCE_MS || late > TOLERANCE_MS) {
      violations++;
      if (examples.size() < EXAMPLES) {
        examples.add(
            r.taskId()
                + ": the client measured "
                + r.startMs()
                + ".."
                + r.endMs()
                + " but its "
                + span.calls()
                + " ledger call"
                + (span.calls() == 1 ? "" : "s")
                + " ran "
                + span.startMs()
                + ".."
                + span.endMs()
                + (early > TOLERANCE_MS
                    ? " (first call " + early + " ms before the task was sent)"
                    : "")
                + (late > TOLERANCE_MS
                    ? " (last call ended " + late + " ms after the task's answer)"
                    : ""));
      }
    }
  }

  FaultPlaneCheck check() {
    if (violations == 0) {
      return new FaultPlaneCheck(
          "client_covers_ledger",
          Status.PASSED,
          checked == 0
              ? "no answered task had ledger calls to check"
              : "for all "
                  + checked
                  + " answered tasks with ledger "
                  + "calls, the client's latency covered its calls (±"
                  + TOLERANCE_MS
                  + " ms)",
          checked,
          0,
          List.of());
    }
    return new FaultPlaneCheck(
        "client_covers_ledger",
        Status.UNRESOLVED,
        violations
            + " of "
            + checked
            + " answered tasks have ledger calls outside the latency the client measured for them (±"
            + TOLERANCE_MS
            + " ms): the harness's client and fault plane disagree on time, so its latencies cannot be trusted",
        checked,
        violations,
        examples);
  }
}
