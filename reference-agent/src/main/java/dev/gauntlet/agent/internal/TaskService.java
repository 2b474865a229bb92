package dev.gauntlet.agent.internal;

import java.util.List;

/**
 * Runs one task with its conversation: reads the task's earlier turns, answers from the response
 * cache when it can, else runs the tool loop; caches a complete answer and remembers the turn.
 * A failed task is neither cached nor remembered. Thread-safe.
 */
public final class TaskService {
  private final TaskRunner runner;
  private final ConversationMemory memory;
  private final ResponseCache cache;

  public TaskService(TaskRunner runner, AgentState state) {
    this.runner = runner;
    this.memory = state.memory();
    this.cache = state.cache();
  }

  /**
   * @throws ProviderFailedException when the provider failed
   * @throws TaskLimitException      when the step limit or token budget was hit
   * @throws StoreFailedException    when Redis failed and the agent does not degrade (naive mode)
   */
  public TaskResult run(String taskId, String input) throws InterruptedException {
    return run(taskId, input, TokenSink.NONE);
  }

  /**
   * Runs the task with the model's text streamed to {@code tokens}; a cached answer goes to it whole, as one token.
   *
   * @see #run(String, String)
   */
  public TaskResult run(String taskId, String input, TokenSink tokens) throws InterruptedException {
    List<MemoryTurn> history = memory.history(taskId);
    String key = CacheKey.of(history, input);
    CacheLookup lookup = cache.lookup(key);
    TaskResult result =
        lookup.answer().isPresent()
            ? cached(taskId, lookup.answer().get(), tokens)
            : runner.run(taskId, history, input, tokens).withCache(lookup.status());
    if (lookup.status() == CacheStatus.MISS && result.complete()) {
      cache.store(key, result.output());
    }
    memory.append(taskId, List.of(MemoryTurn.user(input), MemoryTurn.assistant(result.output())));
    return result;
  }

  private static TaskResult cached(String taskId, String answer, TokenSink tokens) {
    if (!answer.isEmpty()) {
      tokens.token(answer);
    }
    return TaskResult.fromCache(taskId, answer);
  }
}
