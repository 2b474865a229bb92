package dev.gauntlet.agent.internal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A tool call the agent sent to the tool server. Immutable and thread-safe.
 *
 * @param name      the tool called
 * @param arguments the arguments as JSON; a JSON string when the model's were not valid JSON
 */
public record ExecutedToolCall(String name, JsonNode arguments) {}
