package dev.gauntlet.agent.internal;

/** What one task has spent so far. Confined to the task's thread; not thread-safe. */
public final class TaskMeter {
  private int llmCalls;
  private long inputTokens;
  private long outputTokens;

  public void countLlmCall() {
    llmCalls++;
  }

  public void add(ModelTurn turn) {
    inputTokens += turn.inputTokens();
    outputTokens += turn.outputTokens();
  }

  public int llmCalls() {
    return llmCalls;
  }

  public long inputTokens() {
    return inputTokens;
  }

  public long outputTokens() {
    return outputTokens;
  }

  public long totalTokens() {
    return inputTokens + outputTokens;
  }
}
