package dev.gauntlet.agent.internal;

import java.util.List;

/**
 * The turns of each task's conversation, by task id, kept for a while after the last turn.
 * Implementations are thread-safe and shared by all tasks.
 */
public interface ConversationMemory {
  /** At most this many turns are kept per task, the latest ones. */
  int MAX_TURNS = 20;

  /**
   * The task's turns so far, oldest first; empty for a new task.
   *
   * @throws StoreFailedException when the store failed and this memory does not degrade
   */
  List<MemoryTurn> history(String taskId);

  /** @throws StoreFailedException when the store failed and this memory does not degrade */
  void append(String taskId, List<MemoryTurn> turns);
}
