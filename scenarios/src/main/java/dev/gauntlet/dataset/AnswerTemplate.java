package dev.gauntlet.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The final answer of a script: text with {@code {{tool.path}}} placeholders, each replaced by the field at
 * {@code path} (dot-separated; a number indexes an array) of the last result of {@code tool} the agent sent back.
 * Immutable and thread-safe.
 */
public final class AnswerTemplate {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(.*?)}}");
  private static final Pattern REFERENCE =
      Pattern.compile("\\s*([A-Za-z0-9_-]+)((?:\\.[^.\\s{}]+)+)\\s*");

  /**
   * One {@code {{tool.path}}} of a template.
   *
   * @param text the placeholder as written, braces included
   * @param tool the tool whose result it reads
   * @param path the keys (or array indexes) leading to the field
   */
  public record Placeholder(String text, String tool, List<String> path) {
    public Placeholder {
      path = List.copyOf(path);
    }
  }

  private final String template;
  private final List<Placeholder> placeholders = new ArrayList<>();
  private final List<String> malformed = new ArrayList<>();

  private AnswerTemplate(String template) {
    this.template = template;
    Matcher matcher = PLACEHOLDER.matcher(template);
    while (matcher.find()) {
      Matcher reference = REFERENCE.matcher(matcher.group(1));
      if (reference.matches()) {
        List<String> path = List.of(reference.group(2).substring(1).split("\\."));
        placeholders.add(new Placeholder(matcher.group(), reference.group(1), path));
      } else {
        malformed.add(matcher.group());
      }
    }
  }

  public static AnswerTemplate of(String template) {
    return new AnswerTemplate(template);
  }

  /** The well-formed placeholders, in order of appearance. */
  public List<Placeholder> placeholders() {
    return List.copyOf(placeholders);
  }

  /** Placeholders that are not of the form {@code {{tool.path}}}, as written. */
  public List<String> malformed() {
    return List.copyOf(malformed);
  }

  /** The field at {@code path} of {@code result}, if there is one. */
  public static Optional<JsonNode> resolve(JsonNode result, List<String> path) {
    JsonNode at = result;
    for (String key : path) {
      at =
          at.isArray() && key.chars().allMatch(Character::isDigit)
              ? at.path(Integer.parseInt(key))
              : at.path(key);
    }
    return at.isMissingNode() ? Optional.empty() : Optional.of(at);
  }

  /**
   * The answer with every placeholder filled from {@code lastResult} (tool name to its last result), or empty when a
   * result or a field is missing. Text fields are inserted as text, other values as JSON.
   */
  public Optional<String> render(Function<String, Optional<JsonNode>> lastResult) {
    StringBuilder answer = new StringBuilder();
    Matcher matcher = PLACEHOLDER.matcher(template);
    int index = 0;
    int end = 0;
    while (matcher.find()) {
      answer.append(template, end, matcher.start());
      end = matcher.end();
      if (malformed.contains(matcher.group())) {
        answer.append(matcher.group());
        continue;
      }
      Placeholder placeholder = placeholders.get(index++);
      Optional<JsonNode> value =
          lastResult.apply(placeholder.tool()).flatMap(r -> resolve(r, placeholder.path()));
      if (value.isEmpty()) {
        return Optional.empty();
      }
      answer.append(value.get().isTextual() ? value.get().asText() : value.get().toString());
    }
    return Optional.of(answer.append(template.substring(end)).toString());
  }
}
