package dev.gauntlet.dataset;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A tool call as the model makes it: a tool name and a JSON object of arguments.
 */
public record ToolCall(String name, JsonNode arguments) {}
