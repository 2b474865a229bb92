package dev.gauntlet.reports.internal;

import dev.gauntlet.scenario.SloSpec;
import java.util.List;
import java.util.Map;

/**
 * What makes a task count towards goodput: correct, no slower than the scenario's latency threshold (the
 * {@code latency.max} SLO's max, else the {@code latency.p95} SLO's max, else no limit) and no dearer than its cost
 * cap (the {@code cost.per_task} SLO's max, else no cap). Whole-run SLOs win over scoped ones. Immutable.
 *
 * @param latencyMaxMs slowest task that counts, {@link Long#MAX_VALUE} without a limit
 * @param costCapUsd   dearest task that counts, null without a cap
 */
public record GoodputRule(long latencyMaxMs, Double costCapUsd) {

  /** No limit and no cap: every correct task counts. */
  public static final GoodputRule NONE = new GoodputRule(Long.MAX_VALUE, null);

  /** The rule the scenario's {@code slos} imply. */
  public static GoodputRule of(List<SloSpec> slos) {
    Double latency = WindowResults.bound(slos, "latency.max", false);
    latency = latency != null ? latency : WindowResults.bound(slos, "latency.p95", false);
    long latencyMs = latency == null ? Long.MAX_VALUE : (long) Math.floor(latency * 1000);
    return new GoodputRule(latencyMs, WindowResults.bound(slos, "cost.per_task", false));
  }

  /** Whether a task with this verdict, latency and ledger cost counts; {@code costs} may lack the task (cost 0). */
  public boolean counts(Boolean correct, long latencyMs, String taskId, Map<String, Double> costs) {
    if (!Boolean.TRUE.equals(correct) || latencyMs > latencyMaxMs) {
      return false;
    }
    return costCapUsd == null || costs.getOrDefault(taskId, 0.0) <= costCapUsd;
  }
}
