package dev.gauntlet.faults.network.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Predicate;

/**
 * One toxic on a proxy: the envelope Toxiproxy gives every kind (name, stream, toxicity) around the kind's own
 * attributes. Immutable.
 *
 * @param name     unique on its proxy; defaults to {@code <type>_<stream>}
 * @param stream   the direction it acts on
 * @param toxicity the chance, in [0, 1], that it applies to a connection
 * @param toxic    the kind and its attributes
 */
record ToxicSpec(String name, Direction stream, float toxicity, Toxic toxic) {

  /**
   * Reads a create request with Toxiproxy's defaults and checks, in its order: stream, type, a name not
   * {@code taken}, then the attributes.
   */
  static ToxicSpec create(JsonNode body, Predicate<String> taken) {
    Json.object(body, "the toxic");
    Direction stream = Direction.parse(Json.text(body, "stream", "downstream"));
    String type = Json.text(body, "type", "");
    String name = Json.text(body, "name", "");
    name = name.isEmpty() ? type + "_" + stream.wire() : name;
    Toxic zero = ToxicTypes.zero(type);
    if (taken.test(name)) {
      throw ApiError.toxicExists();
    }
    float toxicity = Json.fraction(body, "toxicity", 1f);
    return new ToxicSpec(name, stream, toxicity, zero.with(Attributes.of(body.get("attributes"))));
  }

  /** Applies an update request: only {@code attributes} and {@code toxicity} change, the rest is ignored. */
  ToxicSpec update(JsonNode body) {
    Json.object(body, "the update");
    return new ToxicSpec(
        name,
        stream,
        Json.fraction(body, "toxicity", toxicity),
        toxic.with(Attributes.of(body.get("attributes"))));
  }

  /** The toxic as the API shows it. */
  ObjectNode json() {
    ObjectNode node = Json.NODES.objectNode();
    toxic.write(node.putObject("attributes"));
    return node.put("name", name)
        .put("type", toxic.type())
        .put("stream", stream.wire())
        .put("toxicity", toxicity);
  }
}
