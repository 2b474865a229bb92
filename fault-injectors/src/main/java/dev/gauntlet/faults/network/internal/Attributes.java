package dev.gauntlet.faults.network.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * A toxic's {@code attributes} object from a request. A toxic reads each of its attributes with the value it has
 * now as the default, so that a create starts from zero and an update changes only what it names, as in
 * Toxiproxy. Unknown attributes are ignored, as Toxiproxy ignores them. Immutable.
 */
final class Attributes {

  static final Attributes NONE = new Attributes(MissingNode.getInstance());

  private final JsonNode node;

  private Attributes(JsonNode node) {
    this.node = node;
  }

  static Attributes of(JsonNode attributes) {
    if (attributes == null || attributes.isNull() || attributes.isMissingNode()) {
      return NONE;
    }
    return new Attributes(Json.object(attributes, "attributes"));
  }

  /** The whole, non-negative number {@code name}, or {@code current} when the request leaves it out. */
  long whole(String name, long current) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return current;
    }
    if (!value.canConvertToExactIntegral() || !value.canConvertToLong() || value.asLong() < 0) {
      throw ApiError.badRequest(
          "attributes." + name + " must be a whole number >= 0, but was " + value);
    }
    return value.asLong();
  }
}
