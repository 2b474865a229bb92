package dev.gauntlet.agent.internal;

/**
 * A tool call the model asked for. Immutable and thread-safe.
 *
 * @param id        the model's {@code tool_call_id}, echoed in the tool message
 * @param name      the tool's name, which may not exist
 * @param arguments the arguments as the model wrote them, normally a JSON object
 */
public record RequestedToolCall(String id, String name, String arguments) {}
