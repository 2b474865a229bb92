package dev.gauntlet.simulations;

import dev.gauntlet.run.Json;
import io.gatling.javaapi.core.Session;
import java.util.LinkedHashMap;
import java.util.Map;

/** The body every task protocol posts to {@code /v1/tasks}. Stateless. */
final class TaskRequests {

  static final String PATH = "/v1/tasks";

  private TaskRequests() {}

  /** {@code {"task_id", "input"}}, with {@code "async": true} when {@code async}. */
  static String json(Session session, boolean async) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("task_id", session.getString("taskId"));
    body.put("input", session.getString("input"));
    if (async) {
      body.put("async", true);
    }
    try {
      return Json.mapper().writeValueAsString(body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
