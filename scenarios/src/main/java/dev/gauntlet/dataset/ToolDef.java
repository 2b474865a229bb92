package dev.gauntlet.dataset;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A tool in a dataset's catalog.
 *
 * @param name        the name the model calls it by
 * @param description what it does, as shown to the model
 * @param parameters  JSON schema of its arguments (an object schema)
 */
public record ToolDef(String name, String description, JsonNode parameters) {}
