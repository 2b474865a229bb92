package dev.gauntlet.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON Schema for {@code json_schema} expectations, on networknt's validator: draft 2020-12 unless the schema's
 * {@code $schema} names another draft; {@code format} is an annotation, as 2020-12 says. References must be local
 * ({@code #/$defs/...}): nothing is ever fetched. Stateless and thread-safe.
 */
public final class JsonSchemas {

  private static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  private JsonSchemas() {}

  /** Checks instances against one compiled schema; thread-safe, so compile once and reuse. */
  public interface Validator {

    /** What is wrong with {@code instance}, such as {@code $.total: integer found, number expected}; empty if valid. */
    List<String> problems(JsonNode instance);
  }

  /**
   * Compiles {@code schema}.
   *
   * @throws IllegalArgumentException when it is not a schema that {@link #problemsOf} accepts
   */
  public static Validator compile(JsonNode schema) {
    List<String> problems = problemsOf(schema);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "schema must be a valid JSON schema, but " + String.join("; ", problems));
    }
    JsonSchema compiled = FACTORY.getSchema(schema);
    return instance -> messages(compiled.validate(instance));
  }

  /** What is wrong with {@code schema} as a draft 2020-12 schema Gauntlet can use; empty if nothing. */
  public static List<String> problemsOf(JsonNode schema) {
    if (!schema.isObject() && !schema.isBoolean()) {
      return List.of("it is not an object or a boolean");
    }
    List<String> problems = new ArrayList<>(messages(MetaSchema.SCHEMA.validate(schema)));
    remoteReferences(schema, "$", problems);
    if (problems.isEmpty()) {
      try {
        FACTORY.getSchema(schema).initializeValidators();
      } catch (RuntimeException e) {
        problems.add("it could not be compiled: " + e.getMessage());
      }
    }
    return problems;
  }

  private static List<String> messages(Iterable<ValidationMessage> found) {
    List<String> messages = new ArrayList<>();
    found.forEach(message -> messages.add(message.getMessage()));
    messages.sort(null);
    return messages;
  }

  private static void remoteReferences(JsonNode schema, String path, List<String> problems) {
    if (schema.isArray()) {
      for (int i = 0; i < schema.size(); i++) {
        remoteReferences(schema.get(i), path + "[" + i + "]", problems);
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> fields = schema.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      String at = path + "." + field.getKey();
      boolean reference = field.getKey().equals("$ref") || field.getKey().equals("$dynamicRef");
      if (reference && field.getValue().isTextual() && !field.getValue().asText().startsWith("#")) {
        problems.add(
            at
                + ": must be a local reference starting with #, since schemas are never fetched, but was \""
                + field.getValue().asText()
                + "\"");
      }
      remoteReferences(field.getValue(), at, problems);
    }
  }

  /** Lazy holder: the meta-schema loads from networknt's jar on first use. */
  private static final class MetaSchema {
    static final JsonSchema SCHEMA = FACTORY.getSchema(SchemaLocation.of(META_SCHEMA));
  }
}
