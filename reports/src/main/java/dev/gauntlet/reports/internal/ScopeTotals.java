package dev.gauntlet.reports.internal;

import dev.gauntlet.reports.metrics.LatencyHistogram;
import dev.gauntlet.reports.metrics.Tally;
import dev.gauntlet.run.LedgerEntry;

/** What one scope's tasks and ledger entries add up to. Not thread-safe. */
public final class ScopeTotals {

  private final Tally tally;
  private final LatencyHistogram ttft;
  private double costUsd;
  private long hallucinatedCalls;
  private long durationMs = -1;

  /** Totals whose latencies keep three significant digits. */
  public ScopeTotals() {
    this(LatencyHistogram.PRECISE);
  }

  /** Totals whose latencies and times to first token keep {@code digits} significant digits. */
  ScopeTotals(int digits) {
    tally = new Tally(digits);
    ttft = new LatencyHistogram(digits);
  }

  public Tally tally() {
    return tally;
  }

  /** Times to first token of the successful streamed tasks. */
  public LatencyHistogram ttft() {
    return ttft;
  }

  /**
   * Adds one task.
   *
   * @param ttftMs its time to first token, recorded only when it succeeded; null when it did not stream
   */
  void addTask(boolean succeeded, long latencyMs, Boolean correct, boolean good, Long ttftMs) {
    tally.add(succeeded, latencyMs, correct, good);
    if (succeeded && ttftMs != null) {
      ttft.record(ttftMs);
    }
  }

  /** Adds every task and ledger entry of {@code other}; the duration is left as it was. */
  void add(ScopeTotals other) {
    tally.add(other.tally);
    ttft.add(other.ttft);
    costUsd += other.costUsd;
    hallucinatedCalls += other.hallucinatedCalls;
  }

  /** About how many bytes the two histograms hold now. */
  long footprintBytes() {
    return tally.latency().footprintBytes() + ttft.footprintBytes();
  }

  void addLedger(LedgerEntry entry) {
    costUsd += entry.costUsd();
    hallucinatedCalls += LedgerEntry.TOOL.equals(entry.kind()) && entry.hallucinated() ? 1 : 0;
  }

  public double costUsd() {
    return costUsd;
  }

  public long hallucinatedCalls() {
    return hallucinatedCalls;
  }

  /** Wall-clock milliseconds the scope spans, for the achieved rate; -1 when unknown. */
  public long durationMs() {
    return durationMs;
  }

  void durationMs(long value) {
    durationMs = value;
  }
}
