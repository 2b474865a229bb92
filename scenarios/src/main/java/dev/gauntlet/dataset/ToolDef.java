package dev.gauntlet.dataset;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A tool in a dataset's catalog.
 *
 * @param name        the name the model calls it by
 * @param description what it does, as shown to the model
 * @param parameters  JSON schema of its arguments (an object schema)
 * @param approval    whether a call needs a human's approval before an agent runs it
 */
public record ToolDef(String name, String description, JsonNode parameters, Approval approval) {

  public ToolDef {
    approval = approval == null ? Approval.NEVER : approval;
  }

  /** A tool that needs no approval. */
  public ToolDef(String name, String description, JsonNode parameters) {
    this(name, description, parameters, Approval.NEVER);
  }
}
