package dev.gauntlet.scenario.internal;

import dev.gauntlet.scenario.Fault;
import dev.gauntlet.scenario.FaultSpec;
import dev.gauntlet.scenario.Window;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Binds one entry of {@code faults:}: the shared envelope here, the fault's own attributes in the binder of its
 * kind. Adding a kind means adding a record and an entry in {@link #KINDS}.
 */
final class FaultBinder {

  private static final Map<String, Function<YamlMap, Fault>> KINDS = new TreeMap<>(Map.of(
      "outage", FaultBinder::outage,
      "rate_limit", FaultBinder::rateLimit));

  private FaultBinder() {}

  /**
   * @param providers        provider names the fault may target
   * @param workloadDuration how long the workload runs, or null when unknown; a window must start before it ends
   */
  static FaultSpec bind(YamlMap map, int index, List<String> providers, Duration workloadDuration) {
    String kind = map.oneOf("kind", true, List.copyOf(KINDS.keySet()));
    String name = map.string("name", false);
    Window window = window(map.map("window", true), workloadDuration);
    Double probability = map.number("probability", false, 0, 1);
    String provider = map.string("provider", false);
    if (provider != null && !providers.contains(provider)) {
      map.problems().add(map.value("provider", false), map.child("provider"),
          "must name a provider of this scenario " + providers + ", but was '" + provider + "'");
    }
    String model = map.string("model", false);
    Fault fault = kind == null ? null : KINDS.get(kind).apply(map);
    map.rejectUnknown();
    if (fault == null || window == null) {
      return null;
    }
    return new FaultSpec(name == null ? kind + "-" + index : name, window,
        probability == null ? 1.0 : probability, provider, model, fault);
  }

  private static Window window(YamlMap map, Duration workloadDuration) {
    if (map == null) {
      return null;
    }
    Duration start = map.duration("start", true);
    Duration duration = map.duration("duration", true);
    map.rejectUnknown();
    if (start != null && workloadDuration != null && start.compareTo(workloadDuration) >= 0) {
      map.problems().add(map.value("start", false), map.child("start"), "must be before the workload ends ("
          + Values.format(workloadDuration) + "), but was " + Values.format(start));
    }
    return start == null || duration == null ? null : new Window(start, duration);
  }

  private static Fault outage(YamlMap map) {
    Long status = map.integer("status", false, 100, 599);
    if (status != null && !List.of(500L, 502L, 503L, 529L).contains(status)) {
      map.problems().add(map.value("status", false), map.child("status"),
          "must be one of [500, 502, 503, 529], but was " + status);
      return null;
    }
    return new Fault.Outage(status == null ? 503 : status.intValue());
  }

  private static Fault rateLimit(YamlMap map) {
    Duration retryAfter = map.duration("retry_after", false);
    return new Fault.RateLimit(retryAfter == null ? Duration.ofSeconds(1) : retryAfter);
  }
}
