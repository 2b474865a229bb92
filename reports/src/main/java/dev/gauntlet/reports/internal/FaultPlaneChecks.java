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
 * ({@link MockLateness}) leaves a latency or TTFT SLO of the scope it was slow in unresolved when the SLO failed and
 * would not have without the mock's lateness ({@link LatenessRemoved}); a client whose measured latency does not
 * cover the calls the ledger tied to its task ({@link LedgerCoverage}) is reported. Reads timeline.jsonl once and
 * ledger.jsonl and records.jsonl once more each. Immutable once read; thread-safe.
 */
public final class FaultPlaneChecks {

  /** Metrics about a fault window as a whole, whatever the SLO's scope. */
  static final Set<String> WINDOW_METRICS =
      Set.of("recovery_time", "failover_time", "time_to_detect");

  private final SwitchLag switches;
  private final MockLateness lateness;
  private final LedgerCoverage coverage;
  private final LatenessRemoved removed;

  private FaultPlaneChecks(
      SwitchLag switches, MockLateness lateness, LedgerCoverage coverage, LatenessRemoved removed) {
    this.switches = switches;
    this.lateness = lateness;
    this.coverage = coverage;
    this.removed = removed;
  }

  /**
   * Reads what the checks need from {@code run}, whose windows and start {@code data} already holds; the mock's
   * lateness is taken only after the workload's {@code warmup}, which no SLO judges either.
   */
  public static FaultPlaneChecks read(
      RunDirectory run, RunData data, Evaluation evaluation, java.time.Duration warmup) {
    long origin = data.info() != null && data.info().startedMs() > 0 ? data.info().startedMs() : 0;
    SwitchLag switches =
        SwitchLag.of(
            JsonLines.readAll(run.timeline(), TimelineEvent.class),
            evaluation.maxSwitchLag(),
            origin);
    MockLateness lateness =
        new MockLateness(
            data.windows(),
            origin,
            origin + warmup.toMillis(),
            Evaluation.MOCK_LATENESS_BUCKET,
            evaluation.maxMockLateness());
    LedgerCoverage coverage = new LedgerCoverage();
    LatenessRemoved removed = new LatenessRemoved(data.windows());
    JsonLines.forEach(
        run.ledger(),
        LedgerEntry.class,
        e -> {
          lateness.accept(e);
          coverage.ledger(e);
          removed.ledger(e);
        });
    JsonLines.forEach(
        run.records(),
        TaskRecord.class,
        r -> {
          coverage.record(r);
          removed.record(r);
        });
    return new FaultPlaneChecks(switches, lateness, coverage, removed);
  }

  /** Every check's result, in a fixed order. */
  public List<FaultPlaneCheck> results() {
    return List.of(switches.check(), lateness.check(), coverage.check());
  }

  /**
   * {@code result}, or the same SLO unresolved (its measured value kept) when a check found that the harness
   * distorted what it measures. A late switch leaves every SLO about fault windows unresolved. A late provider mock
   * only ever makes latency look worse, so a latency or TTFT SLO that passed stands; one that failed stays failed
   * when it still fails with the mock's lateness taken out ({@link LatenessRemoved}), and is unresolved otherwise.
   */
  public SloResult review(SloResult result) {
    SloSpec spec = result.spec();
    SloSpec.Scope scope = spec.scope() == null ? SloSpec.Scope.WHOLE : spec.scope();
    if (switches.anyLate()
        && (scope != SloSpec.Scope.WHOLE || WINDOW_METRICS.contains(spec.metric()))) {
      return unresolved(result, switches.blame());
    }
    boolean timed = spec.metric().startsWith("latency.") || spec.metric().startsWith("ttft.");
    String late = timed && result.status() == Status.FAILED ? lateness.blame(scope) : null;
    if (late == null) {
      return result;
    }
    Double without = spec.relative() ? null : removed.value(spec.metric(), scope);
    if (without != null && !SloJudge.within(spec, without)) {
      return new SloResult(
          result.name(),
          spec,
          result.measured(),
          result.lowerBound(),
          result.status(),
          result.message()
              + " (still "
              + Format.value(spec.metric(), without)
              + " with the provider mock's own "
              + "lateness taken out)");
    }
    return unresolved(result, late);
  }

  private static SloResult unresolved(SloResult result, String why) {
    return new SloResult(
        result.name(),
        result.spec(),
        result.measured(),
        result.lowerBound(),
        Status.UNRESOLVED,
        result.name() + " could not be judged: " + why);
  }
}
