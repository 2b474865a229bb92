package dev.gauntlet.scenario.internal;

import dev.gauntlet.scenario.Metrics;
import dev.gauntlet.scenario.SloSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Binds one entry of {@code slos:}; bounds are read in the unit of the metric. */
final class SloBinder {

  /** Metrics judged in a way of their own, which a baseline's single value cannot stand in for, and why. */
  private static final Map<String, String> ABSOLUTE_ONLY =
      Map.of(
          "recovery_time", "max (it is judged per fault window)",
          "leak.detection_time", "max (it is judged per gpu_leak window)",
          "leak_rate", "min, max or both (it is judged on its confidence interval)");

  private SloBinder() {}

  static SloSpec bind(YamlMap map) {
    String metric = map.string("metric", true);
    Metrics.Unit unit = metric == null ? null : Metrics.UNITS.get(metric);
    if (metric != null && unit == null) {
      map.problems()
          .add(
              map.value("metric", false),
              map.child("metric"),
              "must be one of " + new TreeSet<>(Metrics.NAMES) + ", but was '" + metric + "'");
    }
    String scope = map.oneOf("scope", false, List.of("whole", "during_faults", "outside_faults"));
    double ceiling = "achieved_rate".equals(metric) ? 100 : 1;
    Double min = bound(map, "min", unit, ceiling);
    Double max = bound(map, "max", unit, ceiling);
    Double maxDrop =
        unit == null || !map.has("max_drop") ? null : bound(map, "max_drop", unit, ceiling);
    Double maxIncrease = fraction(map, "max_increase");
    boolean relative = map.has("max_drop") || map.has("max_increase");
    if (!map.has("min") && !map.has("max") && !relative) {
      map.problems()
          .add(
              map.node(),
              map.path(),
              "must have min, max or both, or max_drop or max_increase against a baseline, but had none");
    }
    if (relative
        && (map.has("min") || map.has("max") || (map.has("max_drop") && map.has("max_increase")))) {
      map.problems()
          .add(
              map.node(),
              map.path(),
              "must have either bounds (min, max) or one of max_drop, max_increase, but had more");
    }
    if (relative && metric != null && ABSOLUTE_ONLY.containsKey(metric)) {
      map.problems()
          .add(
              map.node(),
              map.path(),
              "must bound "
                  + metric
                  + " with "
                  + ABSOLUTE_ONLY.get(metric)
                  + ", but had max_drop or max_increase");
    }
    if (scope != null && !"whole".equals(scope) && "leak.detection_time".equals(metric)) {
      map.problems()
          .add(
              map.value("scope", false),
              map.child("scope"),
              "must be whole for leak.detection_time (it is judged per gpu_leak window), but was '"
                  + scope
                  + "'");
    }
    if (relative && scope != null && !"whole".equals(scope)) {
      map.problems()
          .add(
              map.value("scope", false),
              map.child("scope"),
              "must be whole with max_drop or max_increase (a baseline keeps whole-run values), but was '"
                  + scope
                  + "'");
    }
    if (min != null && max != null && min > max) {
      map.problems()
          .add(
              map.value("max", false),
              map.child("max"),
              "must be at least min (" + min + "), but was " + max);
    }
    map.rejectUnknown();
    if (unit == null || (min == null && max == null && maxDrop == null && maxIncrease == null)) {
      return null;
    }
    return new SloSpec(
        metric,
        scope == null
            ? SloSpec.Scope.WHOLE
            : SloSpec.Scope.valueOf(scope.toUpperCase(java.util.Locale.ROOT)),
        min,
        max,
        maxDrop,
        maxIncrease);
  }

  /** A rise such as {@code 10%} or {@code 0.1}, as a fraction; null (reported when malformed) if absent. */
  private static Double fraction(YamlMap map, String key) {
    if (!map.has(key)) {
      return null;
    }
    String text = map.string(key, true);
    String trimmed = text == null ? "" : text.trim();
    try {
      double value =
          trimmed.endsWith("%")
              ? Double.parseDouble(trimmed.substring(0, trimmed.length() - 1)) / 100
              : Double.parseDouble(trimmed);
      if (Double.isFinite(value) && value >= 0) {
        return value;
      }
    } catch (NumberFormatException malformed) {
      // reported below
    }
    map.problems()
        .add(
            map.value(key, false),
            map.child(key),
            "must be a rise such as 10% or 0.1 (at least 0), but was '" + trimmed + "'");
    return null;
  }

  private static Double bound(YamlMap map, String key, Metrics.Unit unit, double ratioCeiling) {
    if (unit == null || !map.has(key)) {
      map.value(key, false);
      return null;
    }
    return switch (unit) {
      case RATIO -> map.number(key, true, 0, ratioCeiling);
      case SECONDS -> seconds(map, key);
      case USD, COUNT, MB_PER_INFERENCE -> map.number(key, true, 0, Double.MAX_VALUE);
    };
  }

  private static Double seconds(YamlMap map, String key) {
    Duration d = map.duration(key, true);
    return d == null ? null : d.toNanos() / 1e9;
  }
}
