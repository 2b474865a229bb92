package dev.gauntlet.reports.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gauntlet.dataset.Expectation;
import dev.gauntlet.dataset.JsonSchemas;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code json_schema}: the output parses as JSON and is valid against the schema (draft 2020-12 unless the schema's
 * {@code $schema} says otherwise; see {@link JsonSchemas}). Compiles each schema once. Thread-safe.
 */
public final class JsonSchemaScorer implements Scorer<Expectation.JsonSchema> {

  private static final int SHOWN_PROBLEMS = 3;

  private final Map<JsonNode, JsonSchemas.Validator> compiled = new ConcurrentHashMap<>();

  @Override
  public String kind() {
    return "json_schema";
  }

  @Override
  public Class<Expectation.JsonSchema> type() {
    return Expectation.JsonSchema.class;
  }

  @Override
  public Score score(Expectation.JsonSchema expected, AgentAnswer answer) {
    JsonSchemas.Validator validator;
    try {
      validator = compiled.computeIfAbsent(expected.schema(), JsonSchemas::compile);
    } catch (IllegalArgumentException e) {
      return Score.unscored(e.getMessage());
    }
    Optional<JsonNode> json = JsonOutput.parse(answer.output());
    if (json.isEmpty()) {
      return JsonOutput.notJson(answer.output());
    }
    List<String> problems = validator.problems(json.get());
    if (problems.isEmpty()) {
      return Score.pass("output is valid against the schema");
    }
    String shown =
        String.join("; ", problems.subList(0, Math.min(SHOWN_PROBLEMS, problems.size())));
    return Score.fail(
        "output must be valid against the schema, but "
            + shown
            + (problems.size() > SHOWN_PROBLEMS
                ? " (and " + (problems.size() - SHOWN_PROBLEMS) + " more)"
                : ""));
  }
}
