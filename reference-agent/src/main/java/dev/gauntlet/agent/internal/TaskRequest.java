package dev.gauntlet.agent.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Optional;

/**
 * A parsed {@code POST /v1/tasks} body. Immutable and thread-safe.
 *
 * @param taskId the body's {@code task_id}, else the {@code X-Gauntlet-Task-Id} header, else generated
 * @param input  the task's text, sent to the model unchanged as the first user message
 * @param async  the body's {@code async}: answer 202 at once and keep the result for {@code GET /v1/tasks/{id}}
 */
public record TaskRequest(String taskId, String input, boolean async) {

  /** @throws IllegalArgumentException with a "… must be …, but was …" message when malformed */
  public static TaskRequest parse(byte[] body, Optional<String> headerTaskId, String generatedId) {
    JsonNode json = readObject(body);
    JsonNode input = json.path("input");
    if (!input.isTextual()) {
      throw new IllegalArgumentException("input must be a string, but was " + describe(input));
    }
    JsonNode taskId = json.path("task_id");
    if (!taskId.isMissingNode() && !taskId.isNull() && !taskId.isTextual()) {
      throw new IllegalArgumentException("task_id must be a string, but was " + taskId);
    }
    JsonNode async = json.path("async");
    if (!async.isMissingNode() && !async.isNull() && !async.isBoolean()) {
      throw new IllegalArgumentException("async must be a boolean, but was " + async);
    }
    String id =
        taskId.isTextual() && !taskId.asText().isEmpty()
            ? taskId.asText()
            : headerTaskId.orElse(generatedId);
    return new TaskRequest(id, input.asText(), async.asBoolean(false));
  }

  private static JsonNode readObject(byte[] body) {
    try {
      JsonNode json = Json.MAPPER.readTree(body);
      if (json == null || !json.isObject()) {
        throw new IllegalArgumentException(
            "the body must be a JSON object, but was " + describe(json));
      }
      return json;
    } catch (IOException e) {
      throw new IllegalArgumentException("the body must be a JSON object, but was not valid JSON");
    }
  }

  private static String describe(JsonNode node) {
    return node == null || node.isMissingNode()
        ? "missing"
        : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }
}
