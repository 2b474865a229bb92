package dev.gauntlet.scenario.internal;

import dev.gauntlet.scenario.Delay;
import dev.gauntlet.scenario.Fault;
import java.time.Duration;
import java.util.List;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Binds the attributes of a {@code latency} fault: {@code ttft} (a duration, {@code {uniform: [a, b]}} or
 * {@code {lognormal: {median, p99}}}), {@code tokens_per_second}, {@code jitter} and {@code slow_tail}.
 */
final class LatencyBinder {

  private LatencyBinder() {}

  static Fault bind(YamlMap map) {
    Delay ttft = map.has("ttft") ? delay(map, "ttft") : Delay.NONE;
    Double speed = map.number("tokens_per_second", false, 0, 1_000_000);
    if (speed != null && speed == 0) {
      map.problems()
          .add(
              map.value("tokens_per_second", false),
              map.child("tokens_per_second"),
              "must be a number greater than 0 (leave it out for unlimited speed), but was 0");
      speed = null;
    }
    Double jitter = map.number("jitter", false, 0, 1);
    Fault.Latency.SlowTail tail = slowTail(map.map("slow_tail", false));
    if (!map.has("ttft") && !map.has("tokens_per_second")) {
      map.problems()
          .add(
              map.node(),
              map.child("ttft"),
              "must be set, or tokens_per_second must be, since a latency "
                  + "fault without either delays nothing, but both were missing");
    }
    if (ttft == null || tail == null) {
      return null;
    }
    return new Fault.Latency(
        ttft, speed == null ? Double.POSITIVE_INFINITY : speed, jitter == null ? 0 : jitter, tail);
  }

  /** A distribution of durations; null when it is malformed (reported). */
  static Delay delay(YamlMap parent, String key) {
    Node node = parent.value(key, true);
    if (node instanceof ScalarNode) {
      Duration fixed = parent.duration(key, true);
      return fixed == null || !capped(node, parent.child(key), fixed, parent.problems())
          ? null
          : new Delay.Fixed(fixed);
    }
    if (!(node instanceof MappingNode)) {
      parent
          .problems()
          .add(
              node,
              parent.child(key),
              "must be a duration such as 200ms, {uniform: [100ms, 400ms]} "
                  + "or {lognormal: {median: 300ms, p99: 2s}}, but was "
                  + YamlMap.describe(node));
      return null;
    }
    YamlMap map = YamlMap.of(node, parent.child(key), parent.problems());
    boolean uniform = map.has("uniform");
    boolean lognormal = map.has("lognormal");
    if (uniform == lognormal) {
      map.problems()
          .add(
              node,
              map.path(),
              "must be a duration such as 200ms, {uniform: [100ms, 400ms]} or "
                  + "{lognormal: {median: 300ms, p99: 2s}}, but was "
                  + (uniform
                      ? "both uniform and lognormal"
                      : "a mapping with neither uniform nor lognormal"));
    }
    Delay delay =
        uniform && !lognormal ? uniform(map) : lognormal && !uniform ? logNormal(map) : null;
    map.rejectUnknown();
    return delay;
  }

  private static Delay uniform(YamlMap map) {
    List<Node> bounds = map.list("uniform", true);
    if (bounds == null) {
      return null;
    }
    if (bounds.size() != 2) {
      map.problems()
          .add(
              map.value("uniform", false),
              map.child("uniform"),
              "must be a list of two durations [min, max], but had " + bounds.size() + " items");
      return null;
    }
    Duration min = bound(map, bounds, 0);
    Duration max = bound(map, bounds, 1);
    if (min != null && max != null && min.compareTo(max) > 0) {
      map.problems()
          .add(
              bounds.get(1),
              map.child("uniform") + "[1]",
              "must be at least the minimum "
                  + Values.format(min)
                  + ", but was "
                  + Values.format(max));
      return null;
    }
    return min == null
            || max == null
            || !capped(bounds.get(1), map.child("uniform") + "[1]", max, map.problems())
        ? null
        : new Delay.Uniform(min, max);
  }

  private static boolean capped(Node node, String path, Duration value, Problems problems) {
    if (value.compareTo(Delay.MAX) > 0) {
      problems.add(
          node,
          path,
          "must be at most "
              + Values.format(Delay.MAX)
              + ", so that a run still ends, but was "
              + Values.format(value));
      return false;
    }
    return true;
  }

  private static Duration bound(YamlMap map, List<Node> bounds, int index) {
    Node node = bounds.get(index);
    Duration d = node instanceof ScalarNode s ? Values.duration(s.getValue()) : null;
    if (d == null) {
      map.problems()
          .add(
              node,
              map.child("uniform") + "[" + index + "]",
              "must be a duration such as 500ms, 30s, 2m or 1h, but was " + YamlMap.describe(node));
    }
    return d;
  }

  private static Delay logNormal(YamlMap parent) {
    YamlMap map = parent.map("lognormal", true);
    Duration median = map.duration("median", true);
    Duration p99 = map.duration("p99", true);
    map.rejectUnknown();
    if (median != null && median.isZero()) {
      map.problems()
          .add(
              map.value("median", false),
              map.child("median"),
              "must be greater than 0s, but was 0s");
      return null;
    }
    if (median != null && p99 != null && p99.compareTo(median) <= 0) {
      map.problems()
          .add(
              map.value("p99", false),
              map.child("p99"),
              "must be greater than the median "
                  + Values.format(median)
                  + ", but was "
                  + Values.format(p99));
      return null;
    }
    return median == null || p99 == null ? null : new Delay.LogNormal(median, p99);
  }

  private static Fault.Latency.SlowTail slowTail(YamlMap map) {
    if (map == null) {
      return Fault.Latency.SlowTail.NONE;
    }
    Double share = map.number("share", true, 0, 1);
    Double factor = map.number("factor", true, 1, 1000);
    map.rejectUnknown();
    return share == null || factor == null ? null : new Fault.Latency.SlowTail(share, factor);
  }
}
