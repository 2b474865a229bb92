package dev.gauntlet.faults.internal.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One text per JSON value whatever the key order or number spelling, so that arguments can be looked up: keys
 * sorted at every level, numbers in their shortest exact form ({@code 1.0} and {@code 1} are the same). Stateless.
 */
public final class CanonicalJson {

  private CanonicalJson() {}

  /** The canonical text of {@code value}; null reads as an empty object. */
  public static String of(JsonNode value) {
    return value == null || value.isMissingNode() || value.isNull()
        ? "{}"
        : canonical(value).toString();
  }

  private static JsonNode canonical(JsonNode value) {
    if (value.isObject()) {
      List<String> names = new ArrayList<>();
      value.fieldNames().forEachRemaining(names::add);
      Collections.sort(names);
      ObjectNode sorted = JsonNodeFactory.instance.objectNode();
      names.forEach(n -> sorted.set(n, canonical(value.get(n))));
      return sorted;
    }
    if (value.isArray()) {
      var array = JsonNodeFactory.instance.arrayNode();
      value.forEach(v -> array.add(canonical(v)));
      return array;
    }
    if (value.isNumber()) {
      return JsonNodeFactory.instance.numberNode(value.decimalValue().stripTrailingZeros());
    }
    return value;
  }
}
