package dev.gauntlet.simulations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gauntlet.run.Json;
import dev.gauntlet.run.TaskRecord;
import io.gatling.javaapi.core.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns what a virtual user saw of one task into a {@link TaskRecord} and appends it at once. Every protocol leaves
 * the same session attributes: the status a synchronous call would have answered, the body with the result (or the
 * error), the latency, and, when streamed, the time to first token. Runs on Gatling's threads, so it only parses the
 * answer and writes one line. Thread-safe.
 */
final class TaskRecorder {

  static final String START = "gauntletStartMs";

  /** Epoch milliseconds the task's arrival was due, -1 when unknown. */
  static final String SCHEDULED = "gauntletScheduledMs";

  static final String LATENCY = "gauntletLatencyMs";
  static final String STATUS = "gauntletStatus";
  static final String BODY = "gauntletBody";

  /** Time to first token in milliseconds, set by the streaming protocol when a token came. */
  static final String TTFT = "gauntletTtftMs";

  /** Why no answer came, set by a protocol that gave up on its own (a task timeout while polling or streaming). */
  static final String ERROR = "gauntletError";

  private final Consumer<TaskRecord> records;

  TaskRecorder(Consumer<TaskRecord> records) {
    this.records = records;
  }

  Session record(Session session) {
    records.accept(toRecord(session, System.currentTimeMillis()));
    return session;
  }

  static TaskRecord toRecord(Session session, long nowMs) {
    long start = session.getLong(START);
    long latency = session.contains(LATENCY) ? session.getLong(LATENCY) : nowMs - start;
    int status = session.contains(STATUS) ? session.getInt(STATUS) : 0;
    String body = session.contains(BODY) ? session.getString(BODY) : null;
    Answer answer =
        session.contains(ERROR)
            ? new Answer(null, session.getString(ERROR), List.of())
            : Answer.parse(status, body);
    Long ttft = session.contains(TTFT) ? session.getLong(TTFT) : null;
    Long scheduled =
        session.contains(SCHEDULED) && session.getLong(SCHEDULED) >= 0
            ? session.getLong(SCHEDULED)
            : null;
    return new TaskRecord(
        session.getString("taskId"),
        session.getString("itemId"),
        session.getInt("trial"),
        start,
        latency,
        status,
        answer.output,
        answer.error,
        answer.toolCalls,
        ttft,
        scheduled);
  }

  /** The parts of the agent's answer a record keeps. */
  private record Answer(String output, String error, List<String> toolCalls) {

    static Answer parse(int status, String body) {
      if (status == 0) {
        return new Answer(null, "no response: connection failed or the task timed out", List.of());
      }
      JsonNode json = readJson(body);
      if (status < 200 || status >= 300) {
        String why =
            json != null && json.hasNonNull("error")
                ? json.get("error").asText()
                : abbreviate(body);
        return new Answer(null, "HTTP " + status + ": " + why, List.of());
      }
      if (json == null || !json.hasNonNull("output")) {
        return new Answer(null, "answer has no output field: " + abbreviate(body), List.of());
      }
      List<String> tools = new ArrayList<>();
      json.path("tool_calls").forEach(call -> tools.add(call.path("name").asText()));
      return new Answer(json.get("output").asText(), null, tools);
    }

    private static JsonNode readJson(String body) {
      if (body == null || body.isBlank()) {
        return null;
      }
      try {
        return Json.mapper().readTree(body);
      } catch (Exception notJson) {
        return null;
      }
    }

    private static String abbreviate(String body) {
      if (body == null) {
        return "(empty body)";
      }
      return body.length() <= 200 ? body : body.substring(0, 200) + "…";
    }
  }
}
