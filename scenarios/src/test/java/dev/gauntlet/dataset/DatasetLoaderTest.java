package dev.gauntlet.dataset;

import static dev.gauntlet.dataset.DatasetFiles.ITEM;
import static dev.gauntlet.dataset.DatasetFiles.MANIFEST;
import static dev.gauntlet.dataset.DatasetFiles.columnOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gauntlet.scenario.InvalidInputException;
import dev.gauntlet.scenario.Problem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetLoaderTest {

  /** The built-in kinds, then the one this module's tests declare ({@link WordCountKind}). */
  static final String KINDS =
      "contains, exact, regex, json_field, json_schema, numeric, trajectory, refusal, "
          + "llm_judge, all_of, weighted, word_count";

  @TempDir Path tmp;

  @Test
  void loadsAValidDatasetWithItemLines() throws Exception {
    Dataset dataset =
        DatasetLoader.load(
            DatasetFiles.write(tmp, MANIFEST, List.of(DatasetFiles.item(1), DatasetFiles.item(2))));

    assertThat(dataset.name()).isEqualTo("shop");
    assertThat(dataset.version()).isEqualTo("1");
    assertThat(dataset.tools())
        .extracting(ToolDef::name)
        .containsExactly("lookup_order", "track_shipment");
    assertThat(dataset.items()).extracting(Item::line).containsExactly(1, 2);
    Item item = dataset.items().get(0);
    assertThat(item.expected()).isEqualTo(new Expectation.Contains(List.of("shipped")));
    assertThat(item.fixtures())
        .containsExactly(
            new Fixture(
                "lookup_order",
                new ObjectMapper().readTree("{\"order_id\":\"A1\"}"),
                200,
                new ObjectMapper().readTree("{\"status\":\"shipped\"}")));
    assertThat(item.script())
        .hasSize(2)
        .last()
        .isEqualTo(new ScriptStep.Answer("It is {{lookup_order.status}}."));
  }

  @Test
  void reportsAnUnparseableLineWithItsLineAndColumn() {
    String broken = "{\"id\": \"i-2\",, \"input\": \"x\"}";

    List<Problem> problems = problems(MANIFEST, DatasetFiles.item(1), broken, DatasetFiles.item(3));

    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(2);
              assertThat(p.column()).isEqualTo(columnOf(broken, ",,") + 1);
              assertThat(p.path()).isEqualTo("items[2]");
              assertThat(p.message())
                  .startsWith("must be one JSON object, but could not be parsed: ");
            });
  }

  @Test
  void reportsBlankLinesAndTrailingContentInsteadOfSkippingThem() {
    List<Problem> problems =
        problems(MANIFEST, DatasetFiles.item(1), "", DatasetFiles.item(3) + " {}");

    assertThat(problems).extracting(Problem::line).containsExactly(2, 3);
    assertThat(problems.get(0).message())
        .isEqualTo("must be a JSON object, but the line was blank");
  }

  @Test
  void reportsMissingAndBlankRequiredFields() {
    String line =
        ITEM.replace("\"input\":\"Where is A1?\",", "").replace("\"id\":\"i-1\"", "\"id\":\" \"");

    assertThat(problems(MANIFEST, line))
        .extracting(Problem::toString)
        .containsExactly(
            file() + ":1:1 items[1].input: must be present, but was missing",
            file()
                + ":1:"
                + columnOf(line, "\"id\"")
                + " items[1].id: must be a non-blank string, but was \" \"");
  }

  @Test
  void reportsUnknownKeysWithASuggestion() {
    String line = ITEM.replace("\"tags\"", "\"tagz\"");

    assertThat(problems(MANIFEST, line))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.column()).isEqualTo(columnOf(line, "\"tagz\""));
              assertThat(p.message())
                  .isEqualTo(
                      "keys must be one of id, input, tags, expected, fixtures, script, "
                          + "but was \"tagz\"; did you mean \"tags\"?");
            });
  }

  @Test
  void reportsExpectedWithNoKindOrTwoKinds() {
    String none = DatasetFiles.item(1).replace("{\"contains\":[\"shipped\"]}", "{}");
    String two =
        DatasetFiles.item(2)
            .replace("{\"contains\":[\"shipped\"]}", "{\"contains\":[\"a\"],\"exact\":\"b\"}");

    assertThat(problems(MANIFEST, none, two))
        .extracting(Problem::toString)
        .containsExactly(
            file()
                + ":1:"
                + columnOf(none, "\"expected\"")
                + " items[1].expected: must have exactly one of "
                + KINDS
                + ", but had none",
            file()
                + ":2:"
                + columnOf(two, "\"expected\"")
                + " items[2].expected: must have exactly one of "
                + KINDS
                + ", but had contains and exact");
  }

  @Test
  void reportsDuplicateIdsAndInputs() {
    List<Problem> problems = problems(MANIFEST, ITEM, DatasetFiles.item(2), ITEM);

    assertThat(problems)
        .extracting(Problem::path, Problem::message)
        .containsExactly(
            tuple("items[3].id", "must be unique, but \"i-1\" is also the id on line 1"),
            tuple(
                "items[3].input",
                "must be unique, but \"Where is A1?\" is also the input on line 1"));
  }

  @Test
  void reportsEmptyScriptsAndScriptsThatDoNotEndByAnswering() {
    String empty = DatasetFiles.item(1).replaceAll("\"script\":\\[.*]}$", "\"script\":[]}");
    String noAnswer =
        DatasetFiles.item(2).replace(",{\"answer\":\"It is {{lookup_order.status}}.\"}", "");
    String answerFirst =
        DatasetFiles.item(3).replace("\"script\":[", "\"script\":[{\"answer\":\"hi\"},");

    assertThat(problems(MANIFEST, empty, noAnswer, answerFirst))
        .extracting(Problem::path, Problem::message)
        .containsExactly(
            tuple("items[1].script", "must be a non-empty array, but was empty"),
            tuple(
                "items[2].script[0]",
                "must be an answer, since the script must end by answering, but was tool_calls"),
            tuple(
                "items[3].script[0]",
                "must be tool_calls, since only the last step may answer, but was an answer followed by 2 more step(s)"));
  }

  @Test
  void reportsToolsMissingFromTheCatalog() {
    String line =
        ITEM.replace("\"name\":\"lookup_order\"", "\"name\":\"lookup_ordr\"")
            .replace("\"tool\":\"lookup_order\"", "\"tool\":\"refund\"");

    assertThat(problems(MANIFEST, line))
        .extracting(Problem::path, Problem::message)
        .contains(
            tuple(
                "items[1].fixtures[0].tool",
                "must be a tool of the catalog (lookup_order, track_shipment), but was \"refund\""),
            tuple(
                "items[1].script[0].tool_calls[0].name",
                "must be a tool of the catalog (lookup_order, track_shipment), but was \"lookup_ordr\"; "
                    + "did you mean \"lookup_order\"?"));
  }

  @Test
  void reportsArgumentsThatDoNotFitTheToolSchema() {
    String line =
        ITEM.replace(
            "\"arguments\":{\"order_id\":\"A1\"}}]}", "\"arguments\":{\"orderId\":\"A1\"}}]}");

    assertThat(problems(MANIFEST, line))
        .extracting(Problem::path, Problem::message, Problem::column)
        .contains(
            tuple(
                "items[1].script[0].tool_calls[0].arguments",
                "must have \"order_id\", which lookup_order requires, but it was missing",
                columnOf(line, "\"arguments\":{\"orderId\"")),
            tuple(
                "items[1].script[0].tool_calls[0].arguments.orderId",
                "must be a parameter of lookup_order (order_id), but was \"orderId\"",
                columnOf(line, "\"orderId\"")));
  }

  @Test
  void reportsAScriptedCallWithoutAFixture() {
    String line =
        ITEM.replace(
            "\"arguments\":{\"order_id\":\"A1\"},\"status\"",
            "\"arguments\":{\"order_id\":\"B2\"}," + "\"status\"");

    assertThat(problems(MANIFEST, line))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("items[1].script[0].tool_calls[0]");
              assertThat(p.message())
                  .isEqualTo(
                      "must have a fixture with tool lookup_order and arguments {\"order_id\":\"A1\"}"
                          + " so that the tool mock can answer it, but had none");
            });
  }

  @Test
  void reportsPlaceholdersNamingToolsTheScriptNeverCallsOrFieldsTheResultLacks() {
    String line =
        ITEM.replace(
            "It is {{lookup_order.status}}.",
            "{{track_shipment.eta}} {{lookup_order.eta}} {{oops}}");

    assertThat(problems(MANIFEST, line))
        .extracting(Problem::message)
        .containsExactly(
            "placeholders must be {{tool.path}}, such as {{lookup_order.status}}, but was {{oops}}",
            "placeholders must name a tool the script calls (lookup_order), but {{track_shipment.eta}} names "
                + "track_shipment",
            "placeholders must name a field of the tool's fixture response, but {{lookup_order.eta}} is not in "
                + "{\"status\":\"shipped\"}");
  }

  @Test
  void reportsManifestProblemsAtTheirYamlLineAndColumn() {
    String manifest =
        MANIFEST
            .replace("owner: qa\n", "ownr: qa\n")
            .replace("required: [order_id]", "required: [order]");

    assertThat(problems(manifest, ITEM))
        .extracting(Problem::line, Problem::column, Problem::path, Problem::message)
        .containsExactly(
            tuple(1, 1, "owner", "must be present, but was missing"),
            tuple(
                3,
                1,
                "",
                "keys must be one of name, version, owner, description, "
                    + "tools, prices, scorers, but was \"ownr\"; did you mean \"owner\"?"),
            tuple(
                12,
                18,
                "tools[0].parameters.required",
                "must name properties of the schema (order_id), but was \"order\""));
  }

  @Test
  void reportsYamlSyntaxErrorsWithLineAndColumn() {
    List<Problem> problems = problems("name: shop\ntools: [a, b\nowner: x\n", ITEM);

    assertThat(problems)
        .first()
        .satisfies(
            p -> {
              assertThat(p.file()).endsWith(DatasetLoader.MANIFEST);
              assertThat(p.line()).isEqualTo(3);
              assertThat(p.message()).startsWith("must be valid YAML, but was not: ");
            });
  }

  @Test
  void reportsEveryMistakeOfBothFilesAtOnceInFileOrder() {
    String manifest = MANIFEST.replace("name: shop", "name: store");
    String badJson = "{\"id\":";
    String noExpected =
        DatasetFiles.item(3).replace("\"expected\":{\"contains\":[\"shipped\"]},", "");

    InvalidInputException error =
        catchThrowableOfType(
            InvalidInputException.class,
            () ->
                DatasetLoader.load(
                    DatasetFiles.write(
                        tmp, manifest, List.of(DatasetFiles.item(1), badJson, noExpected))));

    assertThat(error.problems()).extracting(Problem::line).containsExactly(1, 2, 3);
    assertThat(error.getMessage())
        .contains("name: must be the dataset's directory name \"shop\", but was \"store\"")
        .contains("items[3].expected: must be present, but was missing");
  }

  private List<Problem> problems(String manifest, String... lines) {
    Path dir = DatasetFiles.write(tmp, manifest, List.of(lines));
    return catchThrowableOfType(InvalidInputException.class, () -> DatasetLoader.load(dir))
        .problems();
  }

  private String file() {
    return SourceFile.of(tmp.resolve("shop").resolve(DatasetLoader.ITEMS)).shown();
  }
}
