package dev.gauntlet.reports.internal;

import dev.gauntlet.reports.metrics.LatencyHistogram;
import dev.gauntlet.reports.metrics.Tally;
import dev.gauntlet.run.LedgerEntry;

/** What one scope's tasks and ledger entries add up to. Not thread-safe. */
public final class ScopeTotals {

  private final Tally tally = new Tally();
  private final LatencyHistogram ttft = new LatencyHistogram();
  private double costUsd;
  private long hallucinatedCalls;
  private long durationMs = -1;

  public Tally tally() {
    return tally;
  }

  /** Times to first token of the successful streamed tasks. */
  public LatencyHistogram ttft() {
    return ttft;
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
