package dev.gauntlet.faults.internal.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.gauntlet.faults.internal.Answers;
import dev.gauntlet.faults.internal.OpenAiErrors;
import dev.gauntlet.faults.internal.provider.ProviderCall;
import dev.gauntlet.faults.spi.HttpAnswer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the OpenAI endpoints share: reading a body, fault answers, the model list, errors for unknown routes, and the
 * {@code x-request-id} and {@code openai-processing-ms} headers. Stateless.
 */
public final class OpenAiRoutes {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private OpenAiRoutes() {}

  /** A request id for answers that belong to no numbered call. */
  static String requestId(UUID eventId) {
    return "req_" + eventId.toString().replace("-", "");
  }

  /**
   * The body as a JSON object holding every field in {@code required}, or the 400 message OpenAI sends for a body it
   * cannot read or one that lacks a field.
   */
  static JsonNode body(Request request, List<String> required) throws BadBody {
    JsonNode body;
    try {
      body = MAPPER.readTree(request.getBody());
    } catch (IOException e) {
      throw new BadBody(
          "We could not parse the JSON body of your request. (HINT: This likely means you aren't "
              + "using your HTTP library correctly. The OpenAI API expects a JSON payload.)");
    }
    if (body == null || !body.isObject()) {
      throw new BadBody(
          "We could not parse the JSON body of your request. The body must be a JSON object.");
    }
    Optional<String> missing = missing(body, required);
    if (missing.isPresent()) {
      throw new BadBody(missing.get());
    }
    return body;
  }

  /** A body the mock cannot read, with the answer to send. */
  static final class BadBody extends Exception {
    BadBody(String message) {
      super(message, null, false, false);
    }
  }

  /** OpenAI's 400 for a body field that is missing, or empty when every field in {@code required} is present. */
  private static Optional<String> missing(JsonNode body, List<String> required) {
    return required.stream()
        .filter(f -> !body.hasNonNull(f))
        .findFirst()
        .map(f -> "Missing required parameter: '" + f + "'.");
  }

  /** An OpenAI error answer with {@code x-request-id}. */
  public static ResponseDefinition error(HttpAnswer answer, UUID eventId) {
    return Answers.json(answer, requestId(eventId));
  }

  /** The quota's or fault's (OpenAI-shaped) answer for {@code call}, recorded in the ledger; empty to serve it. */
  static Optional<ResponseDefinition> failure(ProviderCall call) {
    return call.failure(refusal -> refusal, hit -> hit.response().respond())
        .map(answer -> Answers.json(answer.withHeaders(call.quotaHeaders()), call.requestId()));
  }

  /** A 200 for {@code call} with {@code openai-processing-ms}. */
  static ResponseDefinition ok(ProviderCall call, String body, boolean stream) {
    HttpAnswer answer =
        new HttpAnswer(200, Map.of("openai-processing-ms", Long.toString(call.elapsedMs())), body)
            .withHeaders(call.quotaHeaders());
    return Answers.build(
        answer, stream ? "text/event-stream; charset=utf-8" : "application/json", call.requestId());
  }

  /** {@code GET /v1/models}: every model listed. */
  public static ResponseDefinition models(List<String> models, UUID eventId) {
    ObjectNode list = JsonNodeFactory.instance.objectNode().put("object", "list");
    var data = list.putArray("data");
    models.forEach(id -> data.add(model(id)));
    return Answers.json(new HttpAnswer(200, Map.of(), list.toString()), requestId(eventId));
  }

  /** {@code GET /v1/models/{id}}: the model, or OpenAI's 404 {@code model_not_found}. */
  public static ResponseDefinition model(List<String> models, String id, UUID eventId) {
    if (!models.contains(id)) {
      ObjectNode error =
          JsonNodeFactory.instance
              .objectNode()
              .put("message", "The model '" + id + "' does not exist")
              .put("type", "invalid_request_error")
              .put("param", "model")
              .put("code", "model_not_found");
      return error(
          new HttpAnswer(
              404, Map.of(), JsonNodeFactory.instance.objectNode().set("error", error).toString()),
          eventId);
    }
    return Answers.json(new HttpAnswer(200, Map.of(), model(id).toString()), requestId(eventId));
  }

  private static ObjectNode model(String id) {
    return JsonNodeFactory.instance
        .objectNode()
        .put("id", id)
        .put("object", "model")
        .put("created", 0)
        .put("owned_by", "gauntlet");
  }

  /** OpenAI's 400 for a request it cannot serve. */
  static ResponseDefinition badRequest(String message, UUID eventId) {
    return error(OpenAiErrors.badRequest(message), eventId);
  }
}
