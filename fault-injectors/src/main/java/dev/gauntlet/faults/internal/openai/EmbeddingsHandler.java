package dev.gauntlet.faults.internal.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.gauntlet.faults.internal.Tokens;
import dev.gauntlet.faults.internal.provider.ProviderCall;
import dev.gauntlet.faults.internal.provider.ProviderCalls;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Serves one {@code POST …/v1/embeddings}: a seeded unit vector per input (the same text gets the same vector in
 * every run with the same seed), {@link Embeddings#dimensions of the model's size} unless {@code dimensions} asks for
 * another, as floats or as {@code base64}. Faults hit it as they hit chat calls. Thread-safe.
 */
public final class EmbeddingsHandler {

  private final ProviderCalls calls;

  public EmbeddingsHandler(ProviderCalls calls) {
    this.calls = calls;
  }

  /** The response to one call to {@code provider}. */
  public ResponseDefinition handle(String provider, Request request, UUID eventId) {
    JsonNode body;
    try {
      body = OpenAiRoutes.body(request, List.of("model", "input"));
    } catch (OpenAiRoutes.BadBody e) {
      return OpenAiRoutes.badRequest(e.getMessage(), eventId);
    }
    List<String> inputs = inputs(body.get("input"));
    String model = body.get("model").asText();
    int dimensions = body.path("dimensions").asInt(Embeddings.dimensions(model));
    if (inputs.isEmpty() || dimensions < 1) {
      return OpenAiRoutes.badRequest(
          "'$.input' is invalid. Please check the API reference: "
              + "https://platform.openai.com/docs/api-reference.",
          eventId);
    }
    long tokens = inputs.stream().mapToLong(Tokens::count).sum();
    ProviderCall call = calls.begin(provider, model, tokens, request, eventId);
    Optional<ResponseDefinition> failure = OpenAiRoutes.failure(call);
    if (failure.isPresent()) {
      return failure.get();
    }
    call.served(tokens, 0);
    boolean base64 = body.path("encoding_format").asText("float").equals("base64");
    return call.paced(
        OpenAiRoutes.ok(call, body(model, inputs, dimensions, base64, tokens), false), 0, false);
  }

  private String body(
      String model, List<String> inputs, int dimensions, boolean base64, long tokens) {
    ObjectNode root = JsonNodeFactory.instance.objectNode().put("object", "list");
    ArrayNode data = root.putArray("data");
    for (int i = 0; i < inputs.size(); i++) {
      float[] vector = Embeddings.vector(calls.seed(), model, inputs.get(i), dimensions);
      ObjectNode item = data.addObject().put("object", "embedding").put("index", i);
      if (base64) {
        item.put("embedding", Embeddings.base64(vector));
      } else {
        ArrayNode values = item.putArray("embedding");
        for (float v : vector) {
          values.add(v);
        }
      }
    }
    root.put("model", model);
    root.putObject("usage").put("prompt_tokens", tokens).put("total_tokens", tokens);
    return root.toString();
  }

  /** Texts from a string, a list of strings, or token lists (each read as its JSON text). */
  private static List<String> inputs(JsonNode input) {
    List<String> out = new ArrayList<>();
    if (input.isTextual()) {
      out.add(input.asText());
    } else if (input.isArray() && !input.isEmpty() && input.get(0).isNumber()) {
      out.add(input.toString());
    } else {
      input.forEach(each -> out.add(each.isTextual() ? each.asText() : each.toString()));
    }
    return out;
  }
}
