package dev.gauntlet.reports.internal;

import dev.gauntlet.reports.FaultPlaneCheck;
import dev.gauntlet.reports.Status;
import dev.gauntlet.reports.metrics.FaultWindow;
import dev.gauntlet.reports.metrics.FaultWindows;
import dev.gauntlet.run.LedgerEntry;
import dev.gauntlet.scenario.SloSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * How late the provider mock answered against the pace the scenario configured, from the ledger: per LLM call, the
 * larger of its first and its last byte's lateness ({@code first_byte_ms − paced_first_ms},
 * {@code last_byte_ms − paced_last_ms}). Calls are grouped by the stretch of {@code bucket} (from the run's start) in
 * which they arrived, per SLO scope; a stretch whose p99 lateness exceeds {@code maxLate} inflated the latency and
 * TTFT measured over it, so a failure of those SLOs in its scope may be the harness's ({@link FaultPlaneChecks}
 * decides). Calls without a recorded
 * pace (tool calls, dropped connections, older ledgers) are not counted. Feed it entries, then read it; not
 * thread-safe.
 */
final class MockLateness implements Consumer<LedgerEntry> {

  /** A stretch whose p99 was too late. */
  record LateBucket(SloSpec.Scope scope, long startMs, long calls, long p99Ms) {}

  private final List<FaultWindow> windows;
  private final long originMs;
  private final long fromMs;
  private final long bucketMs;
  private final long maxLateMs;
  private final Map<SloSpec.Scope, TreeMap<Long, List<Long>>> byScope =
      new EnumMap<>(SloSpec.Scope.class);
  private long calls;

  /**
   * Groups calls in stretches of {@code bucket} from {@code originMs}, skipping calls that arrived before
   * {@code fromMs} (a warm-up the SLOs leave out; {@code originMs} for none).
   */
  MockLateness(
      List<FaultWindow> windows, long originMs, long fromMs, Duration bucket, Duration maxLate) {
    this.windows = windows;
    this.originMs = originMs;
    this.fromMs = fromMs;
    this.bucketMs = Math.max(1, bucket.toMillis());
    this.maxLateMs = maxLate.toMillis();
    for (SloSpec.Scope scope : SloSpec.Scope.values()) {
      byScope.put(scope, new TreeMap<>());
    }
  }

  /** The lateness of {@code e} in milliseconds, or -1 when its pace is unknown. */
  static long lateness(LedgerEntry e) {
    if (!LedgerEntry.LLM.equals(e.kind()) || e.pacedLastMs() == null || e.lastByteMs() <= 0) {
      return -1;
    }
    long first = e.pacedFirstMs() == null ? 0 : e.firstByteMs() - e.pacedFirstMs();
    return Math.max(0, Math.max(first, e.lastByteMs() - e.pacedLastMs()));
  }

  @Override
  public void accept(LedgerEntry e) {
    long late = lateness(e);
    if (late < 0 || e.arrivedMs() < fromMs) {
      return;
    }
    calls++;
    long bucket = Math.floorDiv(e.arrivedMs() - originMs, bucketMs);
    add(SloSpec.Scope.WHOLE, bucket, late);
    add(
        FaultWindows.anyContains(windows, e.tsMs())
            ? SloSpec.Scope.DURING_FAULTS
            : SloSpec.Scope.OUTSIDE_FAULTS,
        bucket,
        late);
  }

  private void add(SloSpec.Scope scope, long bucket, long late) {
    byScope.get(scope).computeIfAbsent(bucket, b -> new ArrayList<>()).add(late);
  }

  /** The stretches of {@code scope} whose p99 lateness was over the limit, in time order. */
  List<LateBucket> late(SloSpec.Scope scope) {
    List<LateBucket> late = new ArrayList<>();
    byScope
        .get(scope)
        .forEach(
            (bucket, values) -> {
              long p99 = p99(values);
              if (p99 > maxLateMs) {
                late.add(new LateBucket(scope, originMs + bucket * bucketMs, values.size(), p99));
              }
            });
    return late;
  }

  /** The nearest-rank p99 of {@code values}. */
  static long p99(List<Long> values) {
    long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(0.99 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  /** Why the latency and TTFT SLOs of {@code scope} are unresolved, or null when the mock kept its pace there. */
  String blame(SloSpec.Scope scope) {
    List<LateBucket> late = late(scope);
    if (late.isEmpty()) {
      return null;
    }
    LateBucket worst =
        late.stream().max(java.util.Comparator.comparingLong(LateBucket::p99Ms)).orElseThrow();
    return "the harness's provider mock answered later than its configured pace: p99 "
        + worst.p99Ms()
        + " ms late over "
        + worst.calls()
        + " calls "
        + from(worst.startMs())
        + (late.size() > 1
            ? " (and in "
                + (late.size() - 1)
                + " more "
                + bucketMs / 1000
                + " s stretch"
                + (late.size() > 2 ? "es" : "")
                + ")"
            : "")
        + ", over the "
        + maxLateMs
        + " ms allowed (evaluation.max_mock_lateness); the latency measured then "
        + "includes the harness's own delay";
  }

  private String from(long startMs) {
    return originMs > 0
        ? "from +" + Format.number((startMs - originMs) / 1000.0, 0) + " s"
        : "in one stretch";
  }

  FaultPlaneCheck check() {
    List<LateBucket> late = late(SloSpec.Scope.WHOLE);
    if (calls == 0) {
      return new FaultPlaneCheck(
          "mock_lateness",
          Status.PASSED,
          "no LLM call with a recorded pace to check",
          0,
          0,
          List.of());
    }
    if (late.isEmpty()) {
      return new FaultPlaneCheck(
          "mock_lateness",
          Status.PASSED,
          "the provider mock kept its configured pace: p99 "
              + "lateness within "
              + maxLateMs
              + " ms in every "
              + bucketMs / 1000
              + " s stretch of "
              + calls
              + " calls",
          calls,
          0,
          List.of());
    }
    return new FaultPlaneCheck(
        "mock_lateness",
        Status.UNRESOLVED,
        blame(SloSpec.Scope.WHOLE)
            + "; latency and TTFT "
            + "SLOs that passed despite it stand, those that failed only with it are unresolved",
        calls,
        late.size(),
        late.stream()
            .limit(5)
            .map(
                b ->
                    "p99 "
                        + b.p99Ms()
                        + " ms late over "
                        + b.calls()
                        + " calls "
                        + from(b.startMs()))
            .toList());
  }
}
