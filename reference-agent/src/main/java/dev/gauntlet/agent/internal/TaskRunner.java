package dev.gauntlet.agent.internal;

import com.openai.models.chat.completions.ChatCompletionMessageParam;
import com.openai.models.chat.completions.ChatCompletionSystemMessageParam;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The tool-calling loop: ask the model, run the tools it asks for, send the results back, until
 * it answers without tool calls or a limit is hit. A call held back for a human's approval is explained to the
 * model once; if the model asks for one again, the task answers that it escalated to a human. Thread-safe: each
 * run is confined to its caller.
 */
public final class TaskRunner {
  static final String SYSTEM_PROMPT =
      "You are a support agent. Use the tools to look up facts before answering. "
          + "Answer briefly, using only what the tools returned.";

  private final LlmGateway gateway;
  private final ToolPolicy tools;
  private final Supplier<ToolCatalog> catalog;
  private final int maxSteps;
  private final OptionalLong tokenBudget;

  public TaskRunner(
      LlmGateway gateway,
      ToolPolicy tools,
      Supplier<ToolCatalog> catalog,
      int maxSteps,
      OptionalLong tokenBudget) {
    this.gateway = gateway;
    this.tools = tools;
    this.catalog = catalog;
    this.maxSteps = maxSteps;
    this.tokenBudget = tokenBudget;
  }

  /**
   * @param history the task's earlier turns, sent between the system prompt and the input
   * @return the answer, its cache status {@link CacheStatus#OFF} until the caller sets it
   * @throws ProviderFailedException when the provider failed
   * @throws TaskLimitException      when the step limit or token budget was hit
   */
  public TaskResult run(String taskId, List<MemoryTurn> history, String input)
      throws InterruptedException {
    return run(taskId, history, input, TokenSink.NONE);
  }

  /**
   * Runs the loop with every model turn streamed from the provider, its text going to {@code tokens} as it arrives.
   *
   * @see #run(String, List, String)
   */
  public TaskResult run(String taskId, List<MemoryTurn> history, String input, TokenSink tokens)
      throws InterruptedException {
    ToolCatalog offered = catalog.get();
    List<ChatCompletionMessageParam> messages = new ArrayList<>(List.of(system()));
    history.forEach(turn -> messages.add(turn.toMessage()));
    messages.add(MemoryTurn.user(input).toMessage());
    List<ExecutedToolCall> executed = new ArrayList<>();
    TaskMeter meter = new TaskMeter();
    int heldBack = 0;
    for (int step = 1; ; step++) {
      ModelTurn turn =
          gateway.complete(
              new ChatRequest(messages, offered.functionTools(), taskId, meter, tokens));
      meter.add(turn);
      checkBudget(meter);
      if (turn.isFinal()) {
        return new TaskResult(
            taskId,
            turn.content(),
            executed,
            meter.llmCalls(),
            turn.provider(),
            meter.inputTokens(),
            meter.outputTokens(),
            turn.isCompleteAnswer(),
            CacheStatus.OFF);
      }
      if (step >= maxSteps) {
        throw new TaskLimitException("step limit of " + maxSteps + " reached");
      }
      messages.add(ChatCompletionMessageParam.ofAssistant(turn.assistantMessage()));
      for (RequestedToolCall call : turn.toolCalls()) {
        try {
          messages.add(toolMessage(call.id(), tools.handle(call, offered, taskId, executed)));
        } catch (ApprovalRequiredException held) {
          // once, the model hears why and may escalate itself; a model that insists is not asked
          // again
          if (++heldBack > 1) {
            return new TaskResult(
                taskId,
                held.answer(),
                executed,
                meter.llmCalls(),
                turn.provider(),
                meter.inputTokens(),
                meter.outputTokens(),
                false,
                CacheStatus.OFF);
          }
          messages.add(toolMessage(call.id(), held.forModel()));
        }
      }
    }
  }

  private void checkBudget(TaskMeter meter) {
    if (tokenBudget.isPresent() && meter.totalTokens() > tokenBudget.getAsLong()) {
      throw new TaskLimitException("token budget of " + tokenBudget.getAsLong() + " exceeded");
    }
  }

  private static ChatCompletionMessageParam system() {
    return ChatCompletionMessageParam.ofSystem(
        ChatCompletionSystemMessageParam.builder().content(SYSTEM_PROMPT).build());
  }

  private static ChatCompletionMessageParam toolMessage(String id, String content) {
    return ChatCompletionMessageParam.ofTool(
        ChatCompletionToolMessageParam.builder().toolCallId(id).content(content).build());
  }
}
