package dev.gauntlet.dataset.generator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gauntlet.dataset.Expectation;
import dev.gauntlet.dataset.Fixture;
import dev.gauntlet.dataset.Item;
import dev.gauntlet.dataset.ScriptStep;
import dev.gauntlet.dataset.ToolCall;
import java.util.ArrayList;
import java.util.List;

/** An item being composed, before it gets its id and line: built step by step by an intent. Not thread-safe. */
final class Draft {

  private final String input;
  private final List<String> tags;
  private final List<Fixture> fixtures = new ArrayList<>();
  private final List<ScriptStep> script = new ArrayList<>();
  private Expectation expected;

  Draft(String input, String... tags) {
    this.input = input;
    this.tags = List.of(tags);
  }

  /** One step calling one tool, whose mock answers {@code response}. */
  Draft call(String tool, JsonNode arguments, JsonNode response) {
    return parallel(new Call(tool, arguments, response));
  }

  /** One step calling several tools at once. */
  Draft parallel(Call... calls) {
    List<ToolCall> step = new ArrayList<>();
    for (Call call : calls) {
      step.add(new ToolCall(call.tool(), call.arguments()));
      fixtures.add(new Fixture(call.tool(), call.arguments(), 200, call.response()));
    }
    script.add(new ScriptStep.CallTools(step));
    return this;
  }

  Draft answer(String template) {
    script.add(new ScriptStep.Answer(template));
    return this;
  }

  Draft expectContains(String... values) {
    expected = new Expectation.Contains(List.of(values));
    return this;
  }

  Draft expect(Expectation expectation) {
    expected = expectation;
    return this;
  }

  String input() {
    return input;
  }

  List<Fixture> fixtures() {
    return fixtures;
  }

  Item toItem(String id, int line) {
    return new Item(id, input, expected, fixtures, script, tags, line);
  }

  /** A tool call with the answer its mock gives. */
  record Call(String tool, JsonNode arguments, JsonNode response) {}
}
