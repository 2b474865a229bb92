package dev.gauntlet.faults.internal.tools;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Optional;

/**
 * Whether tool-call arguments satisfy a tool's JSON schema as far as a hallucination shows: required properties
 * present, values of the declared {@code type}, no property the schema lacks unless {@code additionalProperties}
 * allows it; nested objects likewise. Stateless.
 */
public final class SchemaCheck {

  private SchemaCheck() {}

  /** The first violation, such as {@code amount_cents must be of type integer, but was "12"}; empty when none. */
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
    JsonNode properties = schema.path("properties");
    boolean open =
        !schema.path("additionalProperties").isBoolean()
            || schema.path("additionalProperties").asBoolean();
    for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (properties.has(name)) {
        Optional<String> nested = check(properties.get(name), value.get(name), path + "." + name);
        if (nested.isPresent()) {
          return nested;
        }
      } else if (!open) {
        return Optional.of(path + "." + name + " is not a parameter, but was given");
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
