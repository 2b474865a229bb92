package dev.gauntlet.scenario;

import java.util.Map;
import java.util.Set;

/**
 * The metric names an SLO may name, and the unit of each. Definitions are in {@code docs/metrics.md}.
 */
public final class Metrics {

  /** Unit of a metric's values, which decides how its bounds are written in a scenario. */
  public enum Unit {
    RATIO,
    SECONDS,
    USD,
    COUNT,
    MB_PER_INFERENCE
  }

  public static final Map<String, Unit> UNITS =
      Map.ofEntries(
          Map.entry("success_rate", Unit.RATIO),
          Map.entry("accuracy", Unit.RATIO),
          Map.entry("accuracy.ci_low", Unit.RATIO),
          Map.entry("accuracy.ci_high", Unit.RATIO),
          Map.entry("pass^k", Unit.RATIO),
          Map.entry("pass@k", Unit.RATIO),
          Map.entry("goodput", Unit.COUNT),
          Map.entry("latency.p50", Unit.SECONDS),
          Map.entry("latency.p95", Unit.SECONDS),
          Map.entry("latency.p99", Unit.SECONDS),
          Map.entry("latency.max", Unit.SECONDS),
          Map.entry("ttft.p50", Unit.SECONDS),
          Map.entry("ttft.p95", Unit.SECONDS),
          Map.entry("ttft.p99", Unit.SECONDS),
          Map.entry("recovery_time", Unit.SECONDS),
          Map.entry("failover_time", Unit.SECONDS),
          Map.entry("time_to_detect", Unit.SECONDS),
          Map.entry("cost.per_task", Unit.USD),
          Map.entry("cost.total", Unit.USD),
          Map.entry("cost.per_success", Unit.USD),
          Map.entry("cost.per_day", Unit.USD),
          Map.entry("hallucinated_calls", Unit.COUNT),
          Map.entry("achieved_rate", Unit.RATIO),
          Map.entry("leak_rate", Unit.MB_PER_INFERENCE),
          Map.entry("leak_rate.ci_low", Unit.MB_PER_INFERENCE),
          Map.entry("leak_rate.ci_high", Unit.MB_PER_INFERENCE),
          Map.entry("leak.detection_time", Unit.SECONDS));

  public static final Set<String> NAMES = UNITS.keySet();

  private Metrics() {}
}
