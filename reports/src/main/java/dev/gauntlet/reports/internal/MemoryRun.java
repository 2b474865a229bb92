package dev.gauntlet.reports.internal;

import dev.gauntlet.reports.leak.LeakSample;
import dev.gauntlet.run.JsonLines;
import dev.gauntlet.run.MemorySample;
import dev.gauntlet.run.RunDirectory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

/**
 * memory.jsonl by source (a self-hosted provider, or {@code gpu0}), each source's samples in time order, sources in
 * the order they first appear. Samples that no reading could have produced (negative inferences, a memory that is not
 * a finite number) are left out. Immutable once read, and thread-safe.
 *
 * @param sources samples per source
 */
public record MemoryRun(Map<String, List<MemorySample>> sources) {

  public MemoryRun {
    Map<String, List<MemorySample>> copy = new LinkedHashMap<>();
    sources.forEach((source, samples) -> copy.put(source, List.copyOf(samples)));
    sources = Collections.unmodifiableMap(copy);
  }

  /** Reads {@code run}'s memory.jsonl; a missing file has no sources. */
  public static MemoryRun read(RunDirectory run) {
    Map<String, List<MemorySample>> sources = new LinkedHashMap<>();
    JsonLines.forEach(
        run.memory(),
        MemorySample.class,
        sample -> {
          if (sample.source() != null
              && sample.inferences() >= 0
              && Double.isFinite(sample.usedMb())) {
            sources.computeIfAbsent(sample.source(), s -> new ArrayList<>()).add(sample);
          }
        });
    sources.values().forEach(samples -> samples.sort(Comparator.comparingLong(MemorySample::tsMs)));
    return new MemoryRun(sources);
  }

  public boolean isEmpty() {
    return sources.isEmpty();
  }

  /** The latest sample time of any source, {@link Long#MIN_VALUE} when there is none. */
  public long lastMs() {
    return sources.values().stream()
        .mapToLong(s -> s.get(s.size() - 1).tsMs())
        .max()
        .orElse(Long.MIN_VALUE);
  }

  /** Whether {@code source} served any inference between its first and last sample: else no slope can exist. */
  public boolean served(String source) {
    List<MemorySample> samples = sources.getOrDefault(source, List.of());
    return !samples.isEmpty()
        && samples.get(samples.size() - 1).inferences() > samples.get(0).inferences();
  }

  /**
   * The samples of {@code source} taken at times {@code keep} accepts, as (inferences, used MB), split wherever the
   * restart count changes: memory after a restart starts again from the server's baseline.
   */
  public List<List<LeakSample>> segments(String source, LongPredicate keep) {
    List<List<LeakSample>> segments = new ArrayList<>();
    List<LeakSample> current = null;
    int restarts = Integer.MIN_VALUE;
    for (MemorySample sample : sources.getOrDefault(source, List.of())) {
      if (!keep.test(sample.tsMs())) {
        continue;
      }
      if (current == null || sample.restarts() != restarts) {
        current = new ArrayList<>();
        segments.add(current);
        restarts = sample.restarts();
      }
      current.add(new LeakSample(sample.inferences(), sample.usedMb()));
    }
    return segments;
  }

  /** Restarts of {@code source} seen in its samples: the last count less the first. */
  public int restarts(String source) {
    List<MemorySample> samples = sources.getOrDefault(source, List.of());
    return samples.isEmpty()
        ? 0
        : samples.get(samples.size() - 1).restarts() - samples.get(0).restarts();
  }
}
