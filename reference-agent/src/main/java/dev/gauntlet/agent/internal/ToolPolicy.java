package dev.gauntlet.agent.internal;

import java.util.List;

/**
 * Decides what happens to a tool call the model asked for, and what the model hears back.
 * Implementations are thread-safe and shared by all tasks.
 */
public interface ToolPolicy {

  /**
   * Handles one call and returns the content of the {@code tool} message to send back.
   *
   * @param executed where to record the call when it was sent to the tool server
   */
  String handle(
      RequestedToolCall call, ToolCatalog catalog, String taskId, List<ExecutedToolCall> executed)
      throws InterruptedException;
}
