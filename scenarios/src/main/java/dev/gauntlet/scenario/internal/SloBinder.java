package dev.gauntlet.scenario.internal;

import dev.gauntlet.scenario.Metrics;
import dev.gauntlet.scenario.SloSpec;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;

/** Binds one entry of {@code slos:}; bounds are read in the unit of the metric. */
final class SloBinder {

  private SloBinder() {}

  static SloSpec bind(YamlMap map) {
    String metric = map.string("metric", true);
    Metrics.Unit unit = metric == null ? null : Metrics.UNITS.get(metric);
    if (metric != null && unit == null) {
      map.problems().add(map.value("metric", false), map.child("metric"),
          "must be one of " + new TreeSet<>(Metrics.NAMES) + ", but was '" + metric + "'");
    }
    String scope = map.oneOf("scope", false, List.of("whole", "during_faults", "outside_faults"));
    double ceiling = "achieved_rate".equals(metric) ? 100 : 1;
    Double min = bound(map, "min", unit, ceiling);
    Double max = bound(map, "max", unit, ceiling);
    if (!map.has("min") && !map.has("max")) {
      map.problems().add(map.node(), map.path(), "must have min, max or both, but had neither");
    }
    if (min != null && max != null && min > max) {
      map.problems().add(map.value("max", false), map.child("max"),
          "must be at least min (" + min + "), but was " + max);
    }
    map.rejectUnknown();
    if (unit == null || (min == null && max == null)) {
      return null;
    }
    return new SloSpec(metric, scope == null ? SloSpec.Scope.WHOLE : SloSpec.Scope.valueOf(scope.toUpperCase(java.util.Locale.ROOT)),
        min, max);
  }

  private static Double bound(YamlMap map, String key, Metrics.Unit unit, double ratioCeiling) {
    if (unit == null || !map.has(key)) {
      map.value(key, false);
      return null;
    }
    return switch (unit) {
      case RATIO -> map.number(key, true, 0, ratioCeiling);
      case SECONDS -> seconds(map, key);
      case USD, COUNT -> map.number(key, true, 0, Double.MAX_VALUE);
    };
  }

  private static Double seconds(YamlMap map, String key) {
    Duration d = map.duration(key, true);
    return d == null ? null : d.toNanos() / 1e9;
  }
}
