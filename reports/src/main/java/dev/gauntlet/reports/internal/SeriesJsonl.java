package dev.gauntlet.reports.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gauntlet.reports.TimeBucket;
import dev.gauntlet.reports.Verdict;
import dev.gauntlet.run.Json;

/**
 * The verdict's time buckets as series.jsonl: one compact JSON object a line, in time order, with {@code start_ms},
 * {@code end_ms}, {@code tasks}, then each metric by the name verdict.json's {@code metrics} block uses (null where
 * it could not be measured). Thread-safe (stateless).
 */
public final class SeriesJsonl {

  private SeriesJsonl() {}

  /** The file's text; empty when the verdict has no buckets. */
  public static String text(Verdict verdict) {
    StringBuilder text = new StringBuilder(verdict.series().size() * 640);
    for (TimeBucket bucket : verdict.series()) {
      text.append(line(bucket)).append('\n');
    }
    return text.toString();
  }

  private static String line(TimeBucket bucket) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("start_ms", bucket.startMs());
    node.put("end_ms", bucket.endMs());
    node.put("tasks", bucket.tasks());
    bucket.metrics().forEach(node::put);
    try {
      return Json.mapper().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree must always serialize, but this one did not", e);
    }
  }
}
