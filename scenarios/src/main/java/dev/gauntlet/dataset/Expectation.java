package dev.gauntlet.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a right answer looks like: exactly one kind per item, named by the one key of the item's {@code expected}
 * object ({@link #kind()}). Every record is an immutable value; docs/scorers.md gives each kind's spelling and the
 * semantics of the scorer that reads it. Kinds of your own arrive as {@link Custom}, declared through
 * {@link ExpectationKind}.
 */
public sealed interface Expectation
    permits Expectation.Exact,
        Expectation.Contains,
        Expectation.Regex,
        Expectation.JsonField,
        Expectation.JsonSchema,
        Expectation.Numeric,
        Expectation.Trajectory,
        Expectation.Refusal,
        Expectation.LlmJudge,
        Expectation.AllOf,
        Expectation.Weighted,
        Expectation.Custom {

  /** The key of {@code expected} this kind is written under, such as {@code regex}. */
  String kind();

  /** The output, trimmed, equals {@code value}. */
  record Exact(String value) implements Expectation {
    @Override
    public String kind() {
      return "exact";
    }
  }

  /** The output contains all (or any) of {@code values}, ignoring case. */
  record Contains(List<String> values, Match match) implements Expectation {

    /** Whether every value must appear, or one is enough. */
    public enum Match {
      ALL,
      ANY
    }

    public Contains {
      values = List.copyOf(values);
    }

    /** Every one of {@code values}: the meaning of {@code {"contains": [...]}}. */
    public Contains(List<String> values) {
      this(values, Match.ALL);
    }

    @Override
    public String kind() {
      return "contains";
    }
  }

  /**
   * A Java regular expression found somewhere in the output ({@link java.util.regex.Matcher#find()}).
   *
   * @param flags any of {@code i} (ignore case), {@code m} (multi-line), {@code s} (dot matches newlines) and
   *              {@code x} (comments), or empty
   */
  record Regex(String pattern, String flags) implements Expectation {

    /** The letters {@code flags} may hold. */
    public static final String FLAG_LETTERS = "imsx";

    @Override
    public String kind() {
      return "regex";
    }

    /** The compiled pattern. */
    public Pattern compile() {
      int bits = 0;
      for (char flag : flags.toCharArray()) {
        bits |=
            switch (flag) {
              case 'i' -> Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
              case 'm' -> Pattern.MULTILINE;
              case 's' -> Pattern.DOTALL;
              case 'x' -> Pattern.COMMENTS;
              default ->
                  throw new IllegalArgumentException(
                      "flags must be letters of " + FLAG_LETTERS + ", but had \"" + flag + "\"");
            };
      }
      return Pattern.compile(pattern, bits);
    }
  }

  /** The output parses as JSON and the field at {@code pointer} (a JSON pointer) equals {@code value} as text. */
  record JsonField(String pointer, String value) implements Expectation {
    @Override
    public String kind() {
      return "json_field";
    }
  }

  /** The output parses as JSON and is valid against {@code schema} (draft 2020-12 unless it says otherwise). */
  record JsonSchema(JsonNode schema) implements Expectation {
    @Override
    public String kind() {
      return "json_schema";
    }
  }

  /**
   * A number in the output is within tolerance of {@code value}: {@code |actual - value| <= max(absTol,
   * relTol * |value|)}, computed in decimal.
   *
   * @param pointer where the number is when the output is JSON; null to take the first number in the text
   */
  record Numeric(double value, double absTol, double relTol, String pointer)
      implements Expectation {
    @Override
    public String kind() {
      return "numeric";
    }
  }

  /**
   * The tool calls the agent made, in the manner of BFCL's AST check.
   *
   * @param steps           in order; the calls of one step may come in any order (a parallel group)
   * @param allowExtraCalls whether calls that match no step may come between and after the steps
   */
  record Trajectory(List<Step> steps, boolean allowExtraCalls) implements Expectation {

    public Trajectory {
      steps = List.copyOf(steps);
    }

    @Override
    public String kind() {
      return "trajectory";
    }

    /** One call, or several whose order does not matter. */
    public record Step(List<Call> calls) {
      public Step {
        calls = List.copyOf(calls);
      }
    }

    /**
     * One expected call.
     *
     * @param accepted for each argument, the values it may have (one or more)
     * @param optional arguments of {@code accepted} that may be left out
     */
    public record Call(String name, Map<String, List<JsonNode>> accepted, Set<String> optional) {
      public Call {
        accepted = Map.copyOf(accepted);
        optional = Set.copyOf(optional);
      }
    }
  }

  /**
   * The agent refuses or escalates, and calls none of {@code mustNotCall}.
   *
   * @param phrases       phrases that count as refusing, on top of the scorer's own
   * @param escalateTools tools whose call counts as escalating, on top of the scorer's own
   * @param mustNotCall   tools the agent must not call, whatever it answers
   */
  record Refusal(List<String> phrases, List<String> escalateTools, List<String> mustNotCall)
      implements Expectation {

    public Refusal {
      phrases = List.copyOf(phrases);
      escalateTools = List.copyOf(escalateTools);
      mustNotCall = List.copyOf(mustNotCall);
    }

    @Override
    public String kind() {
      return "refusal";
    }
  }

  /**
   * An LLM grades the output against {@code rubric} with a score in [0, 1]; it passes at {@code threshold} or more.
   *
   * @param model the judge model; null for the one configured for the run
   */
  record LlmJudge(String rubric, double threshold, String model) implements Expectation {
    @Override
    public String kind() {
      return "llm_judge";
    }
  }

  /** Every part passes. */
  record AllOf(List<Expectation> parts) implements Expectation {

    public AllOf {
      parts = List.copyOf(parts);
    }

    @Override
    public String kind() {
      return "all_of";
    }
  }

  /** The weighted mean of the parts' values reaches {@code threshold}. */
  record Weighted(List<Part> parts, double threshold) implements Expectation {

    public Weighted {
      parts = List.copyOf(parts);
    }

    @Override
    public String kind() {
      return "weighted";
    }

    /** One part and its weight, which is positive. */
    public record Part(double weight, Expectation expected) {}
  }

  /** A kind declared through {@link ExpectationKind}: its name and its value in {@code expected}, unread. */
  record Custom(String kind, JsonNode spec) implements Expectation {}
}
