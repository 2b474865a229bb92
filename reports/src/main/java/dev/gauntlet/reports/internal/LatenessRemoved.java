package dev.gauntlet.reports.internal;

import dev.gauntlet.reports.metrics.FaultWindow;
import dev.gauntlet.reports.metrics.FaultWindows;
import dev.gauntlet.reports.metrics.LatencyHistogram;
import dev.gauntlet.run.LedgerEntry;
import dev.gauntlet.run.TaskRecord;
import dev.gauntlet.scenario.SloSpec;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Latency and TTFT with the provider mock's own lateness taken out: each successful task's latency (and time to first
 * token) less the summed lateness of every LLM call the ledger tied to it ({@link MockLateness#lateness}). Summing
 * takes out at least what the mock added to the task (more when calls overlapped), so a latency SLO that still fails
 * on these values failed whatever the mock did. Feed it the ledger, then the records; not thread-safe.
 */
final class LatenessRemoved {

  private final List<FaultWindow> windows;
  private final Map<String, Long> lateByTask = new HashMap<>();
  private final Map<SloSpec.Scope, LatencyHistogram> latency = new EnumMap<>(SloSpec.Scope.class);
  private final Map<SloSpec.Scope, LatencyHistogram> ttft = new EnumMap<>(SloSpec.Scope.class);

  LatenessRemoved(List<FaultWindow> windows) {
    this.windows = windows;
    for (SloSpec.Scope scope : SloSpec.Scope.values()) {
      latency.put(scope, new LatencyHistogram());
      ttft.put(scope, new LatencyHistogram());
    }
  }

  void ledger(LedgerEntry e) {
    long late = MockLateness.lateness(e);
    if (late > 0 && e.taskId() != null) {
      lateByTask.merge(e.taskId(), late, Long::sum);
    }
  }

  void record(TaskRecord r) {
    if (!r.succeeded()) {
      return;
    }
    long late = lateByTask.getOrDefault(r.taskId(), 0L);
    SloSpec.Scope scope =
        FaultWindows.anyContains(windows, r.startMs())
            ? SloSpec.Scope.DURING_FAULTS
            : SloSpec.Scope.OUTSIDE_FAULTS;
    for (SloSpec.Scope s : List.of(SloSpec.Scope.WHOLE, scope)) {
      latency.get(s).record(Math.max(0, r.latencyMs() - late));
      if (r.ttftMs() != null) {
        ttft.get(s).record(Math.max(0, r.ttftMs() - late));
      }
    }
  }

  /** {@code metric} ({@code latency.*} or {@code ttft.*}) over {@code scope} in seconds, lateness removed; or null. */
  Double value(String metric, SloSpec.Scope scope) {
    LatencyHistogram h = (metric.startsWith("ttft.") ? ttft : latency).get(scope);
    if (h.count() == 0) {
      return null;
    }
    return switch (metric.substring(metric.indexOf('.') + 1)) {
      case "max" -> h.maxMs() / 1000.0;
      case "p50" -> h.percentileMs(50) / 1000.0;
      case "p95" -> h.percentileMs(95) / 1000.0;
      case "p99" -> h.percentileMs(99) / 1000.0;
      default -> null;
    };
  }
}
