package dev.gauntlet.agent.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One tool of the tool server's catalog. Immutable and thread-safe.
 *
 * @param name        the name the model calls it by
 * @param description what it does, shown to the model
 * @param parameters  the JSON schema of its arguments
 */
public record ToolSpec(String name, String description, JsonNode parameters) {
  public ToolSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(parameters, "parameters");
  }
}
