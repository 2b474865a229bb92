package dev.gauntlet.reports.scoring;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gauntlet.dataset.Expectation;
import java.util.Optional;

/**
 * {@code json_field}: the output parses as JSON and the value at the JSON pointer, as text, equals the expected
 * value. Scalars compare by their text ({@code 42}, {@code true}, {@code Paris}); objects and arrays by their compact
 * JSON. Stateless and thread-safe.
 */
public final class JsonFieldScorer implements Scorer<Expectation.JsonField> {

  @Override
  public String kind() {
    return "json_field";
  }

  @Override
  public Class<Expectation.JsonField> type() {
    return Expectation.JsonField.class;
  }

  @Override
  public Score score(Expectation.JsonField expected, AgentAnswer answer) {
    Optional<JsonNode> json = JsonOutput.parse(answer.output());
    if (json.isEmpty()) {
      return JsonOutput.notJson(answer.output());
    }
    JsonNode field = json.get().at(JsonPointer.compile(expected.pointer()));
    if (field.isMissingNode()) {
      return Score.fail("output has no field at " + expected.pointer());
    }
    String text = field.isValueNode() ? field.asText() : field.toString();
    return text.equals(expected.value())
        ? Score.pass(expected.pointer() + " is " + Shown.quoted(text))
        : Score.fail(
            expected.pointer()
                + " must be "
                + Shown.quoted(expected.value())
                + ", but was "
                + Shown.quoted(text));
  }
}
