package dev.gauntlet.agent.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;

/**
 * Checks tool-call arguments against the tool's JSON schema: required properties, each value's
 * {@code type}, and no unknown property where {@code additionalProperties} is false; nested
 * objects likewise. Stateless.
 */
public final class ArgumentSchema {
  private ArgumentSchema() {}

  /** The arguments as a JSON object (blank reads as empty), or null when they are not one. */
  public static JsonNode parseObject(String text) {
    try {
      JsonNode node = Json.MAPPER.readTree(text == null || text.isBlank() ? "{}" : text);
      return node != null && node.isObject() ? node : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** The first problem, such as {@code order_id is required, but is missing}; empty when none. */
  public static Optional<String> violation(JsonNode schema, JsonNode value) {
    return check(schema, value, "arguments");
  }

  private static Optional<String> check(JsonNode schema, JsonNode value, String path) {
    String type = schema.path("type").asText("");
    if (!type.isEmpty() && !hasType(value, type)) {
      return Optional.of(path + " must be of type " + type + ", but was " + value);
    }
    if (!value.isObject()) {
      return Optional.empty();
    }
    for (JsonNode required : schema.path("required")) {
      if (!value.has(required.asText())) {
        return Optional.of(path + "." + required.asText() + " is required, but is missing");
      }
    }
    boolean closed =
        schema.path("additionalProperties").isBoolean()
            && !schema.path("additionalProperties").asBoolean();
    for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      JsonNode property = schema.path("properties").get(name);
      if (property != null) {
        Optional<String> nested = check(property, value.get(name), path + "." + name);
        if (nested.isPresent()) {
          return nested;
        }
      } else if (closed) {
        return Optional.of(path + "." + name + " is not a parameter of this tool");
      }
    }
    return Optional.empty();
  }

  private static boolean hasType(JsonNode value, String type) {
    return switch (type) {
      case "string" -> value.isTextual();
      case "integer" -> value.isIntegralNumber();
      case "number" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      case "object" -> value.isObject();
      case "array" -> value.isArray();
      case "null" -> value.isNull();
      default -> true;
    };
  }
}
