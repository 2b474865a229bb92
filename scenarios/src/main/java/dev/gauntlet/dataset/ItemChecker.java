package dev.gauntlet.dataset;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks that an item's script can be played: its tools exist, its calls fit their schemas, the tool mock has a
 * fixture for every call, and its answer only reads results the script obtains.
 */
final class ItemChecker {

  private final Optional<Map<String, ToolDef>> catalog;

  /** With an empty catalog (the manifest was broken), only the checks that do not need it run. */
  ItemChecker(Optional<Map<String, ToolDef>> catalog) {
    this.catalog = catalog;
  }

  void check(Item item, LineSpot spot) {
    catalog.ifPresent(
        tools -> ExpectationToolCheck.check(item.expected(), tools, spot, "expected"));
    for (int i = 0; i < item.fixtures().size(); i++) {
      checkToolName(item.fixtures().get(i).tool(), "fixtures[" + i + "].tool", spot);
    }
    Map<String, Optional<Fixture>> lastAnswerOf = new LinkedHashMap<>();
    for (int s = 0; s < item.script().size(); s++) {
      ScriptStep step = item.script().get(s);
      if (step instanceof ScriptStep.CallTools tools) {
        checkCalls(item, tools.calls(), "script[" + s + "].tool_calls", spot, lastAnswerOf);
      } else if (step instanceof ScriptStep.Answer answer) {
        checkAnswer(answer.template(), "script[" + s + "].answer", lastAnswerOf, spot);
      }
    }
  }

  private void checkCalls(
      Item item,
      List<ToolCall> calls,
      String path,
      LineSpot spot,
      Map<String, Optional<Fixture>> results) {
    for (int c = 0; c < calls.size(); c++) {
      ToolCall call = calls.get(c);
      String callPath = path + "[" + c + "]";
      if (checkToolName(call.name(), callPath + ".name", spot)) {
        catalog.ifPresent(
            tools ->
                ArgumentCheck.check(
                    tools.get(call.name()), call.arguments(), callPath + ".arguments", spot));
      }
      Optional<Fixture> fixture =
          item.fixtures().stream()
              .filter(f -> f.tool().equals(call.name()) && f.arguments().equals(call.arguments()))
              .findFirst();
      results.put(call.name(), fixture);
      if (fixture.isEmpty()) {
        spot.report(
            callPath,
            "must have a fixture with tool "
                + call.name()
                + " and arguments "
                + call.arguments()
                + " so that the tool mock can answer it, but had none");
      }
    }
  }

  private void checkAnswer(
      String template, String path, Map<String, Optional<Fixture>> results, LineSpot spot) {
    AnswerTemplate answer = AnswerTemplate.of(template);
    answer
        .malformed()
        .forEach(
            text ->
                spot.report(
                    path,
                    "placeholders must be {{tool.path}}, such as {{lookup_order.status}}, but was "
                        + text));
    for (AnswerTemplate.Placeholder placeholder : answer.placeholders()) {
      Optional<Fixture> fixture = results.getOrDefault(placeholder.tool(), Optional.empty());
      if (!results.containsKey(placeholder.tool())) {
        spot.report(
            path,
            "placeholders must name a tool the script calls ("
                + String.join(", ", results.keySet())
                + "), but "
                + placeholder.text()
                + " names "
                + placeholder.tool());
      } else if (fixture.isPresent()
          && AnswerTemplate.resolve(fixture.get().response(), placeholder.path()).isEmpty()) {
        spot.report(
            path,
            "placeholders must name a field of the tool's fixture response, but "
                + placeholder.text()
                + " is not in "
                + fixture.get().response());
      }
    }
  }

  private boolean checkToolName(String name, String path, LineSpot spot) {
    if (catalog.isEmpty() || catalog.get().containsKey(name)) {
      return catalog.isPresent();
    }
    spot.report(
        path,
        "must be a tool of the catalog ("
            + String.join(", ", catalog.get().keySet())
            + "), but was "
            + Describe.quoted(name)
            + Describe.suggestion(name, catalog.get().keySet()));
    return false;
  }
}
