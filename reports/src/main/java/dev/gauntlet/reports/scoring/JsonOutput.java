package dev.gauntlet.reports.scoring;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.gauntlet.run.Json;
import java.io.IOException;
import java.util.Optional;

/** The output read as one JSON document, nothing before or after it (not even a code fence). */
final class JsonOutput {

  private static final ObjectReader STRICT =
      Json.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JsonOutput() {}

  static Optional<JsonNode> parse(String output) {
    try {
      return Optional.ofNullable(STRICT.readTree(output)).filter(node -> !node.isMissingNode());
    } catch (IOException notJson) {
      return Optional.empty();
    }
  }

  static Score notJson(String output) {
    return Score.fail("output must be one JSON document, but was " + Shown.quoted(output));
  }
}
