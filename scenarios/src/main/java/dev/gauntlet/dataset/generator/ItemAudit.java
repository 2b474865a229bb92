package dev.gauntlet.dataset.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gauntlet.dataset.AnswerTemplate;
import dev.gauntlet.dataset.Expectation;
import dev.gauntlet.dataset.Fixture;
import dev.gauntlet.dataset.Item;
import dev.gauntlet.dataset.ScriptStep;
import dev.gauntlet.dataset.ToolCall;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks that an item measures what it should: an agent that plays the script faithfully passes it, and an agent
 * that never sends the tool results back cannot, because every expected value comes only from a tool result.
 */
final class ItemAudit {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ItemAudit() {}

  /** What is wrong with {@code item}; empty when nothing is. */
  static List<String> problems(Item item) {
    List<String> problems = new ArrayList<>();
    Map<String, JsonNode> results = new HashMap<>();
    String template = "";
    for (ScriptStep step : item.script()) {
      if (step instanceof ScriptStep.CallTools tools) {
        tools.calls().forEach(call -> results.put(call.name(), fixtureFor(item, call).response()));
      } else {
        template = ((ScriptStep.Answer) step).template();
      }
    }
    Optional<String> answer = AnswerTemplate.of(template).render(tool -> Optional.ofNullable(results.get(tool)));
    if (answer.isEmpty() || !meets(answer.get(), item.expected())) {
      problems.add(item.id() + ": the scripted answer " + answer.orElse("(unrenderable)") + " must meet "
          + item.expected());
    }
    if (!results.isEmpty()) {
      String literal = template.replaceAll("\\{\\{.*?}}", "\u0000").toLowerCase(Locale.ROOT);
      for (String value : values(item.expected())) {
        String wanted = value.toLowerCase(Locale.ROOT);
        if (item.input().toLowerCase(Locale.ROOT).contains(wanted) || literal.contains(wanted)) {
          problems.add(item.id() + ": expected " + value + " must come only from tool results");
        }
      }
    }
    return problems;
  }

  private static Fixture fixtureFor(Item item, ToolCall call) {
    return item.fixtures().stream()
        .filter(f -> f.tool().equals(call.name()) && f.arguments().equals(call.arguments()))
        .findFirst().orElseThrow(() -> new IllegalStateException(item.id() + " has no fixture for " + call));
  }

  static boolean meets(String output, Expectation expected) {
    if (expected instanceof Expectation.Contains contains) {
      String lower = output.toLowerCase(Locale.ROOT);
      return contains.values().stream().allMatch(v -> lower.contains(v.toLowerCase(Locale.ROOT)));
    }
    if (expected instanceof Expectation.Exact exact) {
      return output.trim().equals(exact.value());
    }
    Expectation.JsonField field = (Expectation.JsonField) expected;
    try {
      return MAPPER.readTree(output).at(field.pointer()).asText().equals(field.value());
    } catch (IOException notJson) {
      return false;
    }
  }

  private static List<String> values(Expectation expected) {
    if (expected instanceof Expectation.Contains contains) {
      return contains.values();
    }
    return List.of(expected instanceof Expectation.Exact exact
        ? exact.value() : ((Expectation.JsonField) expected).value());
  }
}
