package dev.gauntlet.reports.scoring;

import com.fasterxml.jackson.databind.node.MissingNode;
import dev.gauntlet.dataset.ToolCall;
import dev.gauntlet.run.TaskRecord;
import java.util.List;
import java.util.Objects;

/**
 * What a scorer sees of one task: the question, the agent's answer, the tool calls it says it made and the tool
 * calls the tool mock served for it. Immutable.
 *
 * @param input             the task sent to the agent (the dataset item's input); null when unknown
 * @param output            the agent's final answer, never null
 * @param toolCalls         the tool calls the agent executed, in order, as the agent reports them
 * @param argumentsRecorded whether {@code toolCalls} carry their arguments; false when only the names were kept,
 *                          as in {@code records.jsonl}, whose arguments are then {@link MissingNode}. The evaluation
 *                          replaces the names by the calls the tool mock served, arguments included, for items
 *                          whose expectation checks arguments ({@link #withServedCalls})
 * @param executedTools     names of the tools the tool mock served for this task, from {@code ledger.jsonl}: the
 *                          ground truth, whatever the agent reports. The evaluation joins only the tools some item
 *                          forbids ({@code refusal.must_not_call}), so this is empty for most tasks and is not a
 *                          complete list
 */
public record AgentAnswer(
    String input,
    String output,
    List<ToolCall> toolCalls,
    boolean argumentsRecorded,
    List<String> executedTools) {

  public AgentAnswer {
    Objects.requireNonNull(output, "output must be present; only answered tasks are scored");
    toolCalls = List.copyOf(toolCalls);
    executedTools = List.copyOf(executedTools);
  }

  /** An answer whose tool calls carry their arguments, with nothing known from the tool mock. */
  public static AgentAnswer of(String input, String output, List<ToolCall> toolCalls) {
    return new AgentAnswer(input, output, toolCalls, true, List.of());
  }

  /** The answer of a succeeded record; the record keeps tool names only. */
  public static AgentAnswer of(TaskRecord record, String input) {
    List<ToolCall> calls =
        record.toolCalls().stream()
            .map(name -> new ToolCall(name, MissingNode.getInstance()))
            .toList();
    return new AgentAnswer(input, record.output(), calls, false, List.of());
  }

  /**
   * This answer with {@code served}, the tool calls the tool mock served for the task with the arguments it was
   * sent, in the order they arrived, in place of the calls the agent reported.
   */
  public AgentAnswer withServedCalls(List<ToolCall> served) {
    return new AgentAnswer(input, output, served, true, executedTools);
  }

  /** This answer with {@code executed}, the tools the tool mock served for the task, in place of what it had. */
  public AgentAnswer withExecutedTools(List<String> executed) {
    return new AgentAnswer(input, output, toolCalls, argumentsRecorded, executed);
  }

  /** The names of the tool calls, in order. */
  public List<String> toolNames() {
    return toolCalls.stream().map(ToolCall::name).toList();
  }
}
