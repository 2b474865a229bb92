package dev.gauntlet.reports.scoring;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.gauntlet.run.Json;
import java.io.IOException;

/**
 * Matches when the output parses as JSON and the value at a JSON pointer, as text, equals the expected value.
 * Scalars compare by their text ({@code 42}, {@code true}, {@code Paris}); objects and arrays by their compact JSON.
 * Immutable and thread-safe.
 */
public final class JsonFieldScorer implements Scorer {

  private static final ObjectReader STRICT =
      Json.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final JsonPointer pointer;
  private final String value;

  /** A scorer for the field at {@code pointer}, such as {@code /answer/city}. */
  public JsonFieldScorer(String pointer, String value) {
    try {
      this.pointer = JsonPointer.compile(pointer);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("pointer must be a JSON pointer such as /answer, but was " + pointer, e);
    }
    this.value = value;
  }

  @Override
  public boolean matches(String output) {
    if (output == null) {
      return false;
    }
    JsonNode field = parse(output).at(pointer);
    if (field.isMissingNode()) {
      return false;
    }
    return (field.isValueNode() ? field.asText() : field.toString()).equals(value);
  }

  private static JsonNode parse(String output) {
    try {
      JsonNode root = STRICT.readTree(output);
      return root == null ? Json.mapper().missingNode() : root;
    } catch (IOException notJson) {
      return Json.mapper().missingNode();
    }
  }
}
