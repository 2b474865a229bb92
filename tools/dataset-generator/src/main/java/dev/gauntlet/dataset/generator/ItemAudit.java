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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that an item measures what it should: an agent that plays the script faithfully passes it, and an agent
 * that never sends the tool results back cannot, because every expected value comes only from a tool result.
 */
final class ItemAudit {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern NUMBER =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}_.])[-+]?(?:\\d{1,3}(?:,\\d{3})++(?!\\d)|\\d++)(?:\\.\\d++)?(?:[eE][-+]?\\d++)?");

  private ItemAudit() {}

  /** What is wrong with {@code item}; empty when nothing is. */
  static List<String> problems(Item item) {
    List<String> problems = new ArrayList<>(ScriptAudit.problems(item));
    Map<String, JsonNode> results = new HashMap<>();
    String template = "";
    for (ScriptStep step : item.script()) {
      if (step instanceof ScriptStep.CallTools tools) {
        tools.calls().forEach(call -> results.put(call.name(), fixtureFor(item, call).response()));
      } else {
        template = ((ScriptStep.Answer) step).template();
      }
    }
    Optional<String> answer =
        AnswerTemplate.of(template).render(tool -> Optional.ofNullable(results.get(tool)));
    if (answer.isEmpty() || !meets(answer.get(), item.expected())) {
      problems.add(
          item.id()
              + ": the scripted answer "
              + answer.orElse("(unrenderable)")
              + " must meet "
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
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(item.id() + " has no fixture for " + call));
  }

  static boolean meets(String output, Expectation expected) {
    if (expected instanceof Expectation.Contains contains) {
      String lower = output.toLowerCase(Locale.ROOT);
      return contains.values().stream().allMatch(v -> lower.contains(v.toLowerCase(Locale.ROOT)));
    }
    if (expected instanceof Expectation.Exact exact) {
      return output.trim().equals(exact.value());
    }
    if (expected instanceof Expectation.Regex regex) {
      return regex.compile().matcher(output).find();
    }
    if (expected instanceof Expectation.Numeric numeric) {
      return firstNumber(output)
          .filter(
              n ->
                  Math.abs(n - numeric.value())
                      <= Math.max(numeric.absTol(), numeric.relTol() * Math.abs(numeric.value())))
          .isPresent();
    }
    if (expected instanceof Expectation.AllOf allOf) {
      return allOf.parts().stream().allMatch(part -> meets(output, part));
    }
    if (expected instanceof Expectation.Trajectory || expected instanceof Expectation.Refusal) {
      return true; // about the calls, which ScriptAudit checks
    }
    Expectation.JsonField field = (Expectation.JsonField) expected;
    try {
      return MAPPER.readTree(output).at(field.pointer()).asText().equals(field.value());
    } catch (IOException notJson) {
      return false;
    }
  }

  /** The first number as the numeric scorer reads it: digits not glued to a letter, commas between thousands. */
  private static Optional<Double> firstNumber(String text) {
    Matcher matcher = NUMBER.matcher(text);
    return matcher.find()
        ? Optional.of(Double.parseDouble(matcher.group().replace(",", "").replace("+", "")))
        : Optional.empty();
  }

  private static List<String> values(Expectation expected) {
    if (expected instanceof Expectation.Contains contains) {
      return contains.values();
    }
    if (expected instanceof Expectation.Exact exact) {
      return List.of(exact.value());
    }
    if (expected instanceof Expectation.JsonField field) {
      return List.of(field.value());
    }
    if (expected instanceof Expectation.AllOf allOf) {
      return allOf.parts().stream().flatMap(part -> values(part).stream()).toList();
    }
    return List.of();
  }
}
