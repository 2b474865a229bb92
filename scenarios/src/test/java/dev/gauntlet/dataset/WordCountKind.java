package dev.gauntlet.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A kind of {@code expected} declared the way users declare theirs, found through META-INF/services. */
public final class WordCountKind implements ExpectationKind {

  @Override
  public String name() {
    return "word_count";
  }

  @Override
  public List<String> check(JsonNode spec) {
    return spec.isIntegralNumber() && spec.asInt() > 0
        ? List.of()
        : List.of("must be a whole number of words above 0, but was " + spec);
  }
}
