package dev.gauntlet.agent.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The one shared Jackson mapper. Thread-safe once configured, which it is here. */
public final class Json {
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /** {@code {"error": message}} as a compact string. */
  public static String error(String message) {
    return MAPPER.createObjectNode().put("error", message).toString();
  }

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }
}
