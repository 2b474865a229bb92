package dev.gauntlet.reports.scoring;

import com.fasterxml.jackson.databind.node.MissingNode;
import dev.gauntlet.dataset.ToolCall;
import dev.gauntlet.run.TaskRecord;
import java.util.List;
import java.util.Objects;

/**
 * What a scorer sees of one task: the question, the agent's answer and the tool calls it made. Immutable.
 *
 * @param input             the task sent to the agent (the dataset item's input); null when unknown
 * @param output            the agent's final answer, never null
 * @param toolCalls         the tool calls the agent executed, in order
 * @param argumentsRecorded whether {@code toolCalls} carry their arguments; false when only the names were kept,
 *                          as in {@code records.jsonl}, whose arguments are then {@link MissingNode}
 */
public record AgentAnswer(String input, String output, List<ToolCall> toolCalls, boolean argumentsRecorded) {

  public AgentAnswer {
    Objects.requireNonNull(output, "output must be present; only answered tasks are scored");
    toolCalls = List.copyOf(toolCalls);
  }

  /** An answer whose tool calls carry their arguments. */
  public static AgentAnswer of(String input, String output, List<ToolCall> toolCalls) {
    return new AgentAnswer(input, output, toolCalls, true);
  }

  /** The answer of a succeeded record; the record keeps tool names only. */
  public static AgentAnswer of(TaskRecord record, String input) {
    List<ToolCall> calls = record.toolCalls().stream()
        .map(name -> new ToolCall(name, MissingNode.getInstance())).toList();
    return new AgentAnswer(input, record.output(), calls, false);
  }

  /** The names of the tool calls, in order. */
  public List<String> toolNames() {
    return toolCalls.stream().map(ToolCall::name).toList();
  }
}
