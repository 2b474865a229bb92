package dev.gauntlet.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/** Reads the kinds that look into the output as JSON or for a number: json_field, json_schema and numeric. */
final class JsonKindReader {

  private static final double MAX = Double.MAX_VALUE;

  private JsonKindReader() {}

  /** {@code {"pointer": "/status", "equals": "shipped"}}, or {@code path} ({@code $.status}) for the pointer. */
  static Optional<Expectation.JsonField> jsonField(JsonFields expected) {
    Optional<JsonFields> found = expected.object("json_field", true);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    JsonFields field = found.get();
    field.allowOnly(List.of("pointer", "path", "equals"));
    Optional<String> pointer = ExpectedValues.pointer(field, true);
    Optional<String> equals =
        field
            .value("equals", true)
            .flatMap(
                value -> {
                  if (value.isValueNode() && !value.isNull()) {
                    return Optional.of(value.asText());
                  }
                  field
                      .spot()
                      .report(
                          field.child("equals"),
                          "must be a string, number or boolean, but was " + Describe.json(value));
                  return Optional.empty();
                });
    return pointer.isPresent() && equals.isPresent()
        ? Optional.of(new Expectation.JsonField(pointer.get(), equals.get()))
        : Optional.empty();
  }

  /** A JSON schema, as an object (or a boolean). */
  static Optional<Expectation.JsonSchema> jsonSchema(JsonFields expected) {
    JsonNode schema = expected.node().get("json_schema");
    List<String> problems = JsonSchemas.problemsOf(schema);
    boolean shaped = schema.isObject() || schema.isBoolean();
    problems.forEach(
        problem ->
            expected
                .spot()
                .report(
                    expected.child("json_schema"),
                    "must be a valid JSON schema (draft 2020-12), but "
                        + (shaped ? problem : "was " + Describe.json(schema))));
    return problems.isEmpty() ? Optional.of(new Expectation.JsonSchema(schema)) : Optional.empty();
  }

  /** {@code 42}, or {@code {"value": 42, "abs_tol": 0.5, "rel_tol": 0.01, "pointer": "/total"}}. */
  static Optional<Expectation.Numeric> numeric(JsonFields expected) {
    JsonNode value = expected.node().get("numeric");
    if (value.isNumber()) {
      return ExpectedValues.number(expected, "numeric", true, -MAX, MAX, "(finite)")
          .map(number -> new Expectation.Numeric(number, 0, 0, null));
    }
    if (!value.isObject()) {
      expected
          .spot()
          .report(
              expected.child("numeric"),
              "must be a number, or an object with value and tolerances, "
                  + "but was "
                  + Describe.json(value));
      return Optional.empty();
    }
    JsonFields numeric =
        JsonFields.of(value, expected.child("numeric"), expected.spot()).orElseThrow();
    numeric.allowOnly(List.of("value", "abs_tol", "rel_tol", "pointer", "path"));
    Optional<Double> number = ExpectedValues.number(numeric, "value", true, -MAX, MAX, "(finite)");
    Optional<Double> absTol =
        ExpectedValues.number(numeric, "abs_tol", false, 0, MAX, "of 0 or more");
    Optional<Double> relTol =
        ExpectedValues.number(numeric, "rel_tol", false, 0, MAX, "of 0 or more");
    Optional<String> pointer = ExpectedValues.pointer(numeric, false);
    return number.map(
        n ->
            new Expectation.Numeric(
                n, absTol.orElse(0.0), relTol.orElse(0.0), pointer.orElse(null)));
  }
}
