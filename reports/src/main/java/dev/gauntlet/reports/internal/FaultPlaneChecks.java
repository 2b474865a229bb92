package dev.gauntlet.reports.internal;

import dev.gauntlet.reports.FaultPlaneCheck;
import dev.gauntlet.reports.SloResult;
import dev.gauntlet.reports.Status;
import dev.gauntlet.run.JsonLines;
import dev.gauntlet.run.LedgerEntry;
import dev.gauntlet.run.RunDirectory;
import dev.gauntlet.run.TaskRecord;
import dev.gauntlet.run.TimelineEvent;
import dev.gauntlet.scenario.Evaluation;
import dev.gauntlet.scenario.SloSpec;
import java.util.List;
import java.util.Set;

/**
 * The fault plane's checks of itself, and what they do to the SLOs: a fault switched late by the harness
 * ({@link SwitchLag}) leaves the SLOs about fault windows unresolved; a provider mock slower than its configured pace
 * ({@link MockLateness}) leaves the latency and TTFT SLOs of the scope it was slow in unresolved; a client whose
 * measured latency does not cover the calls the ledger tied to its task ({@link LedgerCoverage}) is reported. Reads
 * timeline.jsonl once and ledger.jsonl and records.jsonl once more each. Immutable once read; thread-safe.
 */
public final class FaultPlaneChecks {

  /** Metrics about a fault window as a whole, whatever the SLO's scope. */
  static final Set<String> WINDOW_METRICS = Set.of("recovery_time", "failover_time", "time_to_detect");

  private final SwitchLag switches;
  private final MockLateness lateness;
  private final LedgerCoverage coverage;

  private FaultPlaneChecks(SwitchLag switches, MockLateness lateness, LedgerCoverage coverage) {
    this.switches = switches;
    this.lateness = lateness;
    this.coverage = coverage;
  }

  /** Reads what the checks need from {@code run}, whose windows and start {@code data} already holds. */
  public static FaultPlaneChecks read(RunDirectory run, RunData data, Evaluation evaluation) {
    long origin = data.info() != null && data.info().startedMs() > 0 ? data.info().startedMs() : 0;
    SwitchLag switches = SwitchLag.of(JsonLines.readAll(run.timeline(), TimelineEvent.class),
        evaluation.maxSwitchLag(), origin);
    MockLateness lateness = new MockLateness(data.windows(), origin, origin, Evaluation.MOCK_LATENESS_BUCKET,
        evaluation.maxMockLateness());
    LedgerCoverage coverage = new LedgerCoverage();
    JsonLines.forEach(run.ledger(), LedgerEntry.class, e -> {
      lateness.accept(e);
      coverage.ledger(e);
    });
    JsonLines.forEach(run.records(), TaskRecord.class, coverage::record);
    return new FaultPlaneChecks(switches, lateness, coverage);
  }

  /** Every check's result, in a fixed order. */
  public List<FaultPlaneCheck> results() {
    return List.of(switches.check(), lateness.check(), coverage.check());
  }

  /**
   * {@code result}, or the same SLO unresolved (its measured value kept) when a check found that the harness
   * distorted what it measures.
   */
  public SloResult review(SloResult result) {
    String why = blame(result.spec());
    if (why == null) {
      return result;
    }
    return new SloResult(result.name(), result.spec(), result.measured(), result.lowerBound(), Status.UNRESOLVED,
        result.name() + " could not be judged: " + why);
  }

  private String blame(SloSpec spec) {
    SloSpec.Scope scope = spec.scope() == null ? SloSpec.Scope.WHOLE : spec.scope();
    if (switches.anyLate() && (scope != SloSpec.Scope.WHOLE || WINDOW_METRICS.contains(spec.metric()))) {
      return switches.blame();
    }
    if (spec.metric().startsWith("latency.") || spec.metric().startsWith("ttft.")) {
      return lateness.blame(scope);
    }
    return null;
  }
}
