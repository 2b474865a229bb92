package dev.gauntlet.faults.internal.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Tool-call arguments as faults read and make them. Stateless. */
final class Arguments {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Arguments() {}

  /** The arguments as a JSON object, or null when they are not one. */
  static ObjectNode parse(String arguments) {
    try {
      JsonNode node = MAPPER.readTree(arguments == null || arguments.isBlank() ? "{}" : arguments);
      return node instanceof ObjectNode object ? object : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** Arguments that satisfy {@code schema}: every required property with a value of its type. */
  static ObjectNode valid(JsonNode schema) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (JsonNode required : schema.path("required")) {
      JsonNode property = schema.path("properties").path(required.asText());
      out.set(required.asText(), sample(property));
    }
    return out;
  }

  private static JsonNode sample(JsonNode property) {
    JsonNodeFactory json = JsonNodeFactory.instance;
    if (property.path("enum").isArray() && !property.path("enum").isEmpty()) {
      return property.path("enum").get(0);
    }
    return switch (property.path("type").asText("string")) {
      case "integer", "number" -> json.numberNode(1);
      case "boolean" -> json.booleanNode(true);
      case "object" -> valid(property);
      case "array" -> json.arrayNode();
      default -> json.textNode("unknown");
    };
  }

  /** The names of {@code schema}'s properties whose type is one of {@code types}, in schema order. */
  static List<String> propertiesOfType(JsonNode schema, List<String> types) {
    List<String> names = new ArrayList<>();
    schema
        .path("properties")
        .fields()
        .forEachRemaining(
            e -> {
              if (types.contains(e.getValue().path("type").asText(""))) {
                names.add(e.getKey());
              }
            });
    return names;
  }

  /** The first half of {@code text}, at least one character shorter than it. */
  static String half(String text) {
    return text.substring(0, Math.max(0, Math.min(text.length() - 1, (text.length() + 1) / 2)));
  }
}
