package dev.gauntlet.faults.network.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reading request bodies the way Toxiproxy's Go decoder does: absent fields keep their defaults. Thread-safe. */
final class Json {

  static final ObjectMapper MAPPER = new ObjectMapper();
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Json() {}

  static JsonNode parse(String body) {
    if (body.isBlank()) {
      throw ApiError.badRequest("EOF");
    }
    try {
      return MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw ApiError.badRequest(e.getOriginalMessage());
    }
  }

  static ObjectNode object(JsonNode node, String what) {
    if (node == null || !node.isObject()) {
      throw ApiError.badRequest(what + " must be a JSON object, but was " + shown(node));
    }
    return (ObjectNode) node;
  }

  static String text(JsonNode body, String field, String absent) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return absent;
    }
    if (!value.isTextual()) {
      throw ApiError.badRequest(field + " must be a string, but was " + value);
    }
    return value.asText();
  }

  static boolean bool(JsonNode body, String field, boolean absent) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return absent;
    }
    if (!value.isBoolean()) {
      throw ApiError.badRequest(field + " must be true or false, but was " + value);
    }
    return value.asBoolean();
  }

  static float fraction(JsonNode body, String field, float absent) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return absent;
    }
    if (!value.isNumber() || value.asDouble() < 0 || value.asDouble() > 1) {
      throw ApiError.badRequest(field + " must be a number in [0, 1], but was " + value);
    }
    return value.floatValue();
  }

  private static String shown(JsonNode node) {
    return node == null ? "absent" : node.toString();
  }
}
