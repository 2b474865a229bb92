package dev.gauntlet.dataset;

import static dev.gauntlet.dataset.DatasetFiles.MANIFEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gauntlet.scenario.InvalidInputException;
import dev.gauntlet.scenario.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dataset.yaml}'s {@code scorers}: the kind of a bare {@code expected}, and expectations for every item. */
class ScorerDefaultsTest {

  private static final String VALID = "{\"contains\":[\"shipped\"]}";

  /** The manifest has 19 lines; a scorers section starts on line 20. */
  private static final int SCORERS_LINE = 20;

  @TempDir Path tmp;

  @Test
  void aBareExpectedValueIsReadAsTheDefaultKind() {
    Dataset dataset =
        load("scorers:\n  default_kind: contains\n", "\"shipped\"", "[\"shipped\", \"A1\"]", VALID);

    assertThat(dataset.items())
        .extracting(Item::expected)
        .containsExactly(
            new Expectation.Contains(List.of("shipped")),
            new Expectation.Contains(List.of("shipped", "A1")),
            new Expectation.Contains(List.of("shipped")));
  }

  @Test
  void everyItemMustAlsoMeetTheExpectationsForEveryItemAfterItsOwn() {
    Dataset dataset =
        load(
            "scorers:\n  always:\n    - regex: '^(?![\\s\\S]*(?i:as an ai))'\n"
                + "    - json_schema: {type: object}\n",
            VALID,
            null);

    Expectation.Regex human = new Expectation.Regex("^(?![\\s\\S]*(?i:as an ai))", "");
    Expectation.JsonSchema object =
        new Expectation.JsonSchema(ExpectationLoadingTest.json("{\"type\":\"object\"}"));
    assertThat(dataset.items().get(0).expected())
        .isEqualTo(
            new Expectation.AllOf(
                List.of(new Expectation.Contains(List.of("shipped")), human, object)));
    assertThat(dataset.items().get(1).expected())
        .as("an item without expected is scored by them alone")
        .isEqualTo(new Expectation.AllOf(List.of(human, object)));
  }

  @Test
  void aBareValueWithADefaultKindIsFoldedWithTheOthersToo() {
    Dataset dataset =
        load("scorers:\n  default_kind: exact\n  always: [{regex: '\\d'}]\n", "\"A1\"");

    assertThat(dataset.items().get(0).expected())
        .isEqualTo(
            new Expectation.AllOf(
                List.of(new Expectation.Exact("A1"), new Expectation.Regex("\\d", ""))));
  }

  @Test
  void withoutScorersABareValueAndAMissingExpectedAreErrorsThatSayWhatToDo() {
    assertThat(problems("", "\"shipped\"", null))
        .containsExactly(
            "1:"
                + column("\"shipped\"")
                + " items[1].expected: must be an object naming its kind, such as "
                + "{\"contains\": [...]}, but was \"shipped\" (set scorers.default_kind in dataset.yaml to read bare "
                + "values as one kind)",
            "2:1 items[2].expected: must be present, but was missing");
  }

  @Test
  void aBareValueTheDefaultKindCannotReadIsReportedUnderThatKind() {
    assertThat(problems("scorers:\n  default_kind: numeric\n", "\"many\""))
        .containsExactly(
            "1:"
                + column("\"many\"")
                + " items[1].expected.numeric: must be a number, or an object with value and "
                + "tolerances, but was \"many\"");
  }

  @Test
  void reportsEveryMistakeInScorersAtItsLineAndColumnWithoutBlamingTheItems() {
    String scorers =
        String.join(
            "\n",
            "scorers:",
            "  default_kind: json_schema",
            "  always:",
            "    - regex: '('",
            "    - trajectory: [{name: refund_order}]",
            "    - contans: [x]",
            "  allways: []",
            "");

    assertThat(problems(scorers, "\"leans on the broken default\"", null))
        .containsExactly(
            (SCORERS_LINE + 1)
                + ":17 scorers.default_kind: must be a kind whose value may be bare (contains, exact, "
                + "regex, numeric, trajectory, refusal, llm_judge, word_count), but was \"json_schema\"",
            (SCORERS_LINE + 3)
                + ":7 scorers.always[0].regex: must be a valid regular expression, but was \"(\": "
                + "Unclosed group near index 1",
            (SCORERS_LINE + 4)
                + ":7 scorers.always[1]: tools in trajectory must be tools of the catalog (lookup_order, "
                + "track_shipment), but \"refund_order\" is not",
            (SCORERS_LINE + 5)
                + ":7 scorers.always[2].contans: keys must be one of "
                + DatasetLoaderTest.KINDS
                + ", but was \"contans\"; did you mean \"contains\"?",
            (SCORERS_LINE + 5)
                + ":7 scorers.always[2]: must have exactly one of "
                + DatasetLoaderTest.KINDS
                + ", but had none",
            (SCORERS_LINE + 6)
                + ":3 scorers: keys must be one of default_kind, always, but was \"allways\"; did you "
                + "mean \"always\"?");
  }

  @Test
  void aDefaultKindThatIsATypoSuggestsTheKind() {
    assertThat(problems("scorers:\n  default_kind: contans\n", VALID))
        .singleElement()
        .asString()
        .endsWith("but was \"contans\"; did you mean \"contains\"?");
  }

  @Test
  void theScorersExampleInDocsScorersMdLoadsAndDoesWhatItSays() throws Exception {
    Path home = Path.of(System.getProperty("gauntlet.home", ".."));
    List<String> block = new ArrayList<>();
    boolean in = false;
    for (String text : Files.readAllLines(home.resolve("docs/scorers.md"))) {
      if (text.equals("```yaml")) {
        in = true;
      } else if (in && text.startsWith("```")) {
        if (!block.isEmpty() && block.get(0).startsWith("scorers:")) {
          break;
        }
        in = false;
        block.clear();
      } else if (in) {
        block.add(text);
      }
    }
    assertThat(block).as("a ```yaml block starting with scorers: in docs/scorers.md").isNotEmpty();

    Dataset dataset = load(String.join("\n", block) + "\n", "\"shipped\"", null);

    assertThat(dataset.items().get(0).expected())
        .isInstanceOf(Expectation.AllOf.class)
        .extracting(e -> ((Expectation.AllOf) e).parts().get(0))
        .isEqualTo(new Expectation.Contains(List.of("shipped")));
    assertThat(dataset.items().get(1).expected()).isNotNull();
  }

  /** Loads the shop manifest plus {@code scorers}, with one item per expected value (null: no expected). */
  private Dataset load(String scorers, String... expecteds) {
    return DatasetLoader.load(write(scorers, expecteds));
  }

  /** The problems as "line:column path: message", items.jsonl's lines short. */
  private List<String> problems(String scorers, String... expecteds) {
    Path dir = write(scorers, expecteds);
    List<Problem> problems =
        catchThrowableOfType(InvalidInputException.class, () -> DatasetLoader.load(dir)).problems();
    return problems.stream()
        .map(p -> p.line() + ":" + p.column() + " " + p.path() + ": " + p.message())
        .toList();
  }

  private Path write(String scorers, String... expecteds) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < expecteds.length; i++) {
      String line = DatasetFiles.item(i + 1);
      lines.add(
          expecteds[i] == null
              ? line.replace("\"expected\":" + VALID + ",", "")
              : line.replace(VALID, expecteds[i]));
    }
    return DatasetFiles.write(tmp, MANIFEST + scorers, lines);
  }

  /** 1-based column of the first item's {@code "expected"} key, where problems with its value are shown. */
  private static int column(String value) {
    return DatasetFiles.columnOf(DatasetFiles.item(1).replace(VALID, value), "\"expected\"");
  }
}
