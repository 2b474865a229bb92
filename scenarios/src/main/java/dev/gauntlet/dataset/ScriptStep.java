package dev.gauntlet.dataset;

import java.util.List;

/**
 * One turn of the scripted model: either it calls tools, or it answers.
 *
 * <p>An answer is a template: {@code {{tool.field}}} is replaced by that field of the last result of {@code tool}
 * that the agent sent back in the conversation (a dotted path into the result's JSON). If the agent never sent
 * that result, the model answers that it could not find the information, so an agent that skips or botches a
 * tool call gets a wrong answer.
 */
public sealed interface ScriptStep permits ScriptStep.CallTools, ScriptStep.Answer {

  /** The model asks for these tool calls (several means parallel calls). */
  record CallTools(List<ToolCall> calls) implements ScriptStep {
    public CallTools {
      calls = List.copyOf(calls);
    }
  }

  /** The model gives its final answer. */
  record Answer(String template) implements ScriptStep {}
}
