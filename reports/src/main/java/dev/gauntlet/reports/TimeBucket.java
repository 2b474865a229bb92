package dev.gauntlet.reports;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One time bucket of a run's series (series.jsonl): every metric of {@link Evaluator#SEGMENT_METRICS} over the
 * tasks that started in it and the ledger entries written in it. Immutable and thread-safe.
 *
 * @param startMs epoch milliseconds the bucket starts at (inclusive)
 * @param endMs   epoch milliseconds it ends at (exclusive)
 * @param tasks   tasks started in it
 * @param metrics the metrics in {@link Evaluator#SEGMENT_METRICS} order; a null value could not be measured
 */
public record TimeBucket(long startMs, long endMs, long tasks, Map<String, Double> metrics) {

  public TimeBucket {
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }
}
