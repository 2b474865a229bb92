package dev.gauntlet.faults.internal.anthropic;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.gauntlet.faults.internal.Answers;
import dev.gauntlet.faults.spi.HttpAnswer;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the provider mock answers outside the Messages call itself when the client speaks Anthropic: the model list
 * and errors for unknown routes. Stateless.
 */
public final class AnthropicRoutes {

  private AnthropicRoutes() {}

  /** Whether {@code request} comes from an Anthropic client, which always sends {@code anthropic-version}. */
  public static boolean speaksAnthropic(Request request) {
    return request.containsHeader("anthropic-version");
  }

  /** A request id for answers that belong to no numbered call. */
  static String requestId(UUID eventId) {
    return "req_" + eventId.toString().replace("-", "");
  }

  /** A JSON response of {@code answer}, which carries its own {@code request-id}. */
  static ResponseDefinition answer(HttpAnswer answer) {
    return Answers.build(answer, "application/json", null);
  }

  /** An Anthropic error for a call that has no call behind it (unknown route, unknown provider). */
  public static ResponseDefinition error(int status, String message, UUID eventId) {
    return answer(AnthropicErrors.error(status, message, requestId(eventId)));
  }

  /** {@code GET /v1/models} as Anthropic lists models: newest first, one page. */
  public static ResponseDefinition models(List<String> models, UUID eventId) {
    ObjectNode page = JsonNodeFactory.instance.objectNode();
    var data = page.putArray("data");
    models.forEach(id -> data.add(model(id)));
    page.put("has_more", false);
    page.put("first_id", models.isEmpty() ? null : models.get(0));
    page.put("last_id", models.isEmpty() ? null : models.get(models.size() - 1));
    return answer(new HttpAnswer(200, Map.of("request-id", requestId(eventId)), page.toString()));
  }

  /** {@code GET /v1/models/{id}}. */
  public static ResponseDefinition model(String id, UUID eventId) {
    return answer(
        new HttpAnswer(200, Map.of("request-id", requestId(eventId)), model(id).toString()));
  }

  private static ObjectNode model(String id) {
    return JsonNodeFactory.instance
        .objectNode()
        .put("type", "model")
        .put("id", id)
        .put("display_name", id)
        .put("created_at", "2025-01-01T00:00:00Z");
  }
}
