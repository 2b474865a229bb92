package dev.gauntlet.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Checks a scripted call's arguments against the top level of its tool's JSON schema: required properties, unknown
 * properties (unless the schema sets {@code additionalProperties: true}), and each property's {@code type} and
 * {@code enum}.
 */
final class ArgumentCheck {

  private ArgumentCheck() {}

  static void check(ToolDef tool, JsonNode arguments, String path, LineSpot spot) {
    JsonNode properties = tool.parameters().path("properties");
    for (JsonNode required : tool.parameters().path("required")) {
      if (!arguments.has(required.asText())) {
        spot.report(
            path,
            "must have "
                + Describe.quoted(required.asText())
                + ", which "
                + tool.name()
                + " requires, but it was missing");
      }
    }
    boolean openEnded = tool.parameters().path("additionalProperties").asBoolean(false);
    for (Iterator<String> names = arguments.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      String at = path + "." + name;
      if (properties.has(name)) {
        checkValue(properties.get(name), arguments.get(name), at, spot);
      } else if (!openEnded) {
        List<String> known = new ArrayList<>();
        properties.fieldNames().forEachRemaining(known::add);
        spot.report(
            at,
            "must be a parameter of "
                + tool.name()
                + " ("
                + String.join(", ", known)
                + "), but was "
                + Describe.quoted(name)
                + Describe.suggestion(name, known));
      }
    }
  }

  private static void checkValue(JsonNode schema, JsonNode value, String path, LineSpot spot) {
    String type = schema.path("type").asText("");
    if (!type.isEmpty() && !hasType(value, type)) {
      spot.report(path, "must be of type " + type + ", but was " + Describe.json(value));
    } else if (schema.has("enum") && !contains(schema.get("enum"), value)) {
      List<String> allowed = new ArrayList<>();
      schema.get("enum").forEach(option -> allowed.add(option.asText()));
      spot.report(
          path,
          "must be one of " + String.join(", ", allowed) + ", but was " + Describe.json(value));
    }
  }

  private static boolean contains(JsonNode options, JsonNode value) {
    for (JsonNode option : options) {
      if (option.equals(value)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasType(JsonNode value, String type) {
    switch (type) {
      case "string":
        return value.isTextual();
      case "integer":
        return value.isIntegralNumber();
      case "number":
        return value.isNumber();
      case "boolean":
        return value.isBoolean();
      case "object":
        return value.isObject();
      case "array":
        return value.isArray();
      case "null":
        return value.isNull();
      default:
        return true;
    }
  }
}
