package dev.gauntlet.dataset;

import java.util.List;

/**
 * One task of a dataset.
 *
 * @param id       unique within the dataset
 * @param input    the user's request, sent to the agent as the task
 * @param expected what a right answer contains
 * @param fixtures tool answers for this task, matched on tool name and arguments
 * @param script   what the scripted model does, one step per model turn
 * @param tags     free-form labels for slicing results
 * @param line     line of {@code items.jsonl} it was read from
 */
public record Item(
    String id,
    String input,
    Expectation expected,
    List<Fixture> fixtures,
    List<ScriptStep> script,
    List<String> tags,
    int line) {

  public Item {
    fixtures = List.copyOf(fixtures);
    script = List.copyOf(script);
    tags = List.copyOf(tags);
  }
}
