package dev.gauntlet.reports.internal.html;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gauntlet.reports.internal.LeakMeter;
import dev.gauntlet.reports.internal.MemoryRun;
import dev.gauntlet.reports.leak.LeakEstimate;
import dev.gauntlet.reports.leak.LeakFit;
import dev.gauntlet.run.Json;
import dev.gauntlet.run.MemorySample;
import java.util.List;
import java.util.Map;

/**
 * The memory chart's numbers: per source, used memory and capacity over time (seconds after the series' origin),
 * the times of its restarts and its fitted leak rate, over the whole run and, when the run had fault windows, over
 * the samples inside them (a leak injected for a window shows there at its own rate). A source with more than
 * {@link #MAX_POINTS} samples is thinned to every k-th, keeping the samples on both sides of each restart so that
 * every drop still shows. Thread-safe (stateless).
 */
final class MemoryChartData {

  static final int MAX_POINTS = 2_400;

  private MemoryChartData() {}

  /** The {@code memory} block, or null when the run sampled no memory. */
  static ObjectNode tree(
      MemoryRun memory,
      List<LeakMeter.SourceFit> leaks,
      List<LeakMeter.SourceFit> faultLeaks,
      long originMs) {
    if (memory.isEmpty()) {
      return null;
    }
    long origin =
        originMs > 0
            ? originMs
            : memory.sources().values().stream().mapToLong(s -> s.get(0).tsMs()).min().orElse(0);
    ObjectNode root = Json.mapper().createObjectNode();
    ArrayNode sources = root.putArray("sources");
    for (Map.Entry<String, List<MemorySample>> entry : memory.sources().entrySet()) {
      ObjectNode source = sources.addObject().put("source", entry.getKey());
      points(source, entry.getValue(), origin);
      fit(source, "fit", of(leaks, entry.getKey()));
      if (!faultLeaks.isEmpty()) {
        fit(source, "fit_during_faults", of(faultLeaks, entry.getKey()));
      }
    }
    return root;
  }

  private static void points(ObjectNode node, List<MemorySample> samples, long origin) {
    ArrayNode t = node.putArray("t");
    ArrayNode used = node.putArray("used_mb");
    ArrayNode total = node.putArray("total_mb");
    ArrayNode restarts = node.putArray("restarts_s");
    int stride = Math.max(1, (samples.size() + MAX_POINTS - 1) / MAX_POINTS);
    for (int i = 0; i < samples.size(); i++) {
      MemorySample sample = samples.get(i);
      boolean restart = i > 0 && sample.restarts() > samples.get(i - 1).restarts();
      boolean beforeRestart =
          i + 1 < samples.size() && samples.get(i + 1).restarts() > sample.restarts();
      if (restart) {
        restarts.add(seconds(sample.tsMs(), origin));
      }
      if (i % stride == 0 || restart || beforeRestart || i == samples.size() - 1) {
        t.add(seconds(sample.tsMs(), origin));
        used.add(sample.usedMb());
        total.add(sample.totalMb() > 0 ? sample.totalMb() : null);
      }
    }
  }

  private static LeakMeter.SourceFit of(List<LeakMeter.SourceFit> fits, String source) {
    return fits.stream().filter(f -> f.source().equals(source)).findFirst().orElse(null);
  }

  /** {@code key}: the estimate, or null with {@code key + "_why"} saying why there is none. */
  private static void fit(ObjectNode node, String key, LeakMeter.SourceFit fit) {
    if (fit != null && fit.fit() instanceof LeakEstimate e) {
      node.putObject(key)
          .put("mb_per_inference", e.mbPerTask())
          .put("ci_low", e.lowerMbPerTask())
          .put("ci_high", e.upperMbPerTask())
          .put("confidence", e.confidence())
          .put("samples", e.samples())
          .put("restarts", fit.restarts());
    } else {
      node.putNull(key);
      node.put(
          key + "_why",
          fit == null ? "it served no inference" : ((LeakFit.Unresolved) fit.fit()).reason());
    }
  }

  private static double seconds(long tsMs, long origin) {
    return (tsMs - origin) / 1000.0;
  }
}
