package dev.gauntlet.reports.scoring;

import static dev.gauntlet.reports.scoring.Answers.json;
import static dev.gauntlet.reports.scoring.Answers.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.dataset.Expectation;
import org.junit.jupiter.api.Test;

/** json_field, json_schema and numeric. */
class JsonScorersTest {

  private final JsonFieldScorer field = new JsonFieldScorer();
  private final JsonSchemaScorer schema = new JsonSchemaScorer();
  private final NumericScorer numeric = new NumericScorer();

  @Test
  void jsonFieldMatchesTheFieldAtThePointerAsText() {
    assertThat(
            field.score(
                new Expectation.JsonField("/order/status", "shipped"),
                text("{\"order\": {\"status\": \"shipped\", \"id\": 7}}")))
        .isEqualTo(Score.pass("/order/status is \"shipped\""));
    assertThat(field.score(new Expectation.JsonField("/n", "42"), text("{\"n\": 42}")).passed())
        .isTrue();
    assertThat(
            field.score(new Expectation.JsonField("/ok", "true"), text("{\"ok\": true}")).passed())
        .isTrue();
  }

  @Test
  void jsonFieldFailsOnOutputThatIsNotExactlyOneJsonDocument() {
    Expectation.JsonField expected = new Expectation.JsonField("/a", "1");

    assertThat(field.score(expected, text("a: 1")).reason())
        .isEqualTo("output must be one JSON document, but was \"a: 1\"");
    assertThat(field.score(expected, text("{\"a\": 1} and some prose")).passed()).isFalse();
    assertThat(field.score(expected, text("")).passed()).isFalse();
  }

  @Test
  void jsonFieldFailsOnAMissingOrDifferentField() {
    Expectation.JsonField expected = new Expectation.JsonField("/a", "1");

    assertThat(field.score(expected, text("{\"b\": 1}")))
        .isEqualTo(Score.fail("output has no field at /a"));
    assertThat(field.score(expected, text("{\"a\": 2}")))
        .isEqualTo(Score.fail("/a must be \"1\", but was \"2\""));
  }

  @Test
  void jsonSchemaPassesValidOutputAndSaysWhereInvalidOutputBreaksIt() {
    Expectation.JsonSchema expected =
        new Expectation.JsonSchema(
            json(
                "{\"type\": \"object\", \"required\": "
                    + "[\"order_id\", \"total\"], \"properties\": {\"total\": {\"type\": \"number\", \"minimum\": 0}}}"));

    assertThat(schema.score(expected, text("{\"order_id\": \"A1\", \"total\": 9.5}")))
        .isEqualTo(Score.pass("output is valid against the schema"));
    Score invalid = schema.score(expected, text("{\"order_id\": \"A1\", \"total\": -1}"));
    assertThat(invalid.passed()).isFalse();
    assertThat(invalid.reason())
        .startsWith("output must be valid against the schema, but ")
        .contains("$.total");
  }

  @Test
  void jsonSchemaFailsOutputThatIsNotJsonAndLeavesABrokenSchemaUnscored() {
    assertThat(schema.score(new Expectation.JsonSchema(json("true")), text("not json")).outcome())
        .isEqualTo(Score.Outcome.FAILED);
    assertThat(
            schema.score(new Expectation.JsonSchema(json("{\"type\": 5}")), text("{}")).outcome())
        .isEqualTo(Score.Outcome.UNSCORED);
  }

  @Test
  void numericTakesTheFirstNumberThatIsNotPartOfAnId() {
    Expectation.Numeric total = new Expectation.Numeric(55.98, 0.01, 0, null);

    assertThat(numeric.score(total, text("Order A82634 comes to $55.99 in total.")))
        .isEqualTo(Score.pass("55.99 is within 0.01 of 55.98"));
    assertThat(
            numeric
                .score(new Expectation.Numeric(42787, 0, 0, null), text("You have 42,787 points."))
                .passed())
        .isTrue();
  }

  @Test
  void numericFailsOutsideTheToleranceAndSaysByHowMuch() {
    assertThat(numeric.score(new Expectation.Numeric(100, 1, 0.05, null), text("about 106")))
        .isEqualTo(Score.fail("106 must be within 5 of 100, but is 6 away"));
  }

  @Test
  void numericReadsTheFieldAtItsPointerWhenTheOutputIsJson() {
    Expectation.Numeric total = new Expectation.Numeric(10, 0, 0, "/order/total");

    assertThat(numeric.score(total, text("{\"order\": {\"id\": 7, \"total\": 10.0}}")).passed())
        .isTrue();
    assertThat(numeric.score(total, text("{\"order\": {\"total\": \"USD 10\"}}")).passed())
        .isTrue();
    assertThat(numeric.score(total, text("{\"order\": {}}")).reason())
        .isEqualTo("output must hold a number at /order/total, but \"{\"order\": {}}\" has none");
  }

  @Test
  void numericFailsWhenThereIsNoNumber() {
    assertThat(numeric.score(new Expectation.Numeric(1, 0, 0, null), text("none")))
        .isEqualTo(Score.fail("output must hold a number, but \"none\" has none"));
  }
}
