package dev.gauntlet.agent.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One tool of the tool server's catalog. Immutable and thread-safe.
 *
 * @param name        the name the model calls it by
 * @param description what it does, shown to the model
 * @param parameters  the JSON schema of its arguments
 * @param approval    when a call must wait for a human's approval (the resilient policy holds it back)
 */
public record ToolSpec(
    String name, String description, JsonNode parameters, ApprovalRule approval) {
  public ToolSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(parameters, "parameters");
    Objects.requireNonNull(approval, "approval");
  }

  /** A tool that needs no approval. */
  public ToolSpec(String name, String description, JsonNode parameters) {
    this(name, description, parameters, ApprovalRule.NONE);
  }
}
