package dev.gauntlet.dataset;

import static dev.gauntlet.dataset.DatasetFiles.MANIFEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gauntlet.scenario.InvalidInputException;
import dev.gauntlet.scenario.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of {@code expected}: how it reads, and what the loader says, line by line, when it is wrong. */
class ExpectationLoadingTest {

  private static final String VALID = "{\"contains\":[\"shipped\"]}";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void readsContainsAsAllOrAny() {
    assertThat(load("{\"contains\":[\"a\",\"b\"]}"))
        .isEqualTo(new Expectation.Contains(List.of("a", "b"), Expectation.Contains.Match.ALL));
    assertThat(load("{\"contains\":{\"all\":[\"a\"]}}"))
        .isEqualTo(new Expectation.Contains(List.of("a")));
    assertThat(load("{\"contains\":{\"any\":[\"a\",\"b\"]}}"))
        .isEqualTo(new Expectation.Contains(List.of("a", "b"), Expectation.Contains.Match.ANY));
    assertThat(load("{\"contains\":\"a\"}"))
        .as("one string")
        .isEqualTo(new Expectation.Contains(List.of("a")));
  }

  @Test
  void reportsContainsWithBothAllAndAnyOrABlankValue() {
    assertThat(
            problems(
                "{\"contains\":{\"all\":[\"a\"],\"any\":[\"b\"]}}",
                "{\"contains\":{\"any\":[\"a\",\" \"]}}",
                "{\"contains\":5}",
                "{\"contains\":\" \"}"))
        .containsExactly(
            "1 items[1].expected.contains: must have exactly one of all, any, but had both",
            "2 items[2].expected.contains.any[1]: must be a non-blank string, but was \" \"",
            "3 items[3].expected.contains: must be a string, an array of strings, or an object with all or any, but was 5",
            "4 items[4].expected.contains: must be a non-blank string, but was \" \"");
  }

  @Test
  void readsRegexAsAPatternOrWithFlags() {
    assertThat(load("{\"regex\":\"A\\\\d+\"}")).isEqualTo(new Expectation.Regex("A\\d+", ""));
    assertThat(load("{\"regex\":{\"pattern\":\"^ok$\",\"flags\":\"im\"}}"))
        .isEqualTo(new Expectation.Regex("^ok$", "im"));
  }

  @Test
  void reportsAnInvalidRegexWithItsFileLineAndWhyJavaRejectsIt() {
    Path dir =
        DatasetFiles.write(tmp, MANIFEST, List.of(line(1, VALID), line(2, "{\"regex\":\"(\"}")));

    List<Problem> problems =
        catchThrowableOfType(InvalidInputException.class, () -> DatasetLoader.load(dir)).problems();

    assertThat(problems)
        .singleElement()
        .hasToString(
            SourceFile.of(dir.resolve(DatasetLoader.ITEMS)).shown()
                + ":2:"
                + DatasetFiles.columnOf(line(2, "{\"regex\":\"(\"}"), "\"regex\"")
                + " items[2].expected.regex: must be a valid regular expression, but was \"(\": Unclosed group near index 1");
  }

  @Test
  void reportsRegexFlagsOutsideImsxAndAnEmptyPattern() {
    assertThat(
            problems(
                "{\"regex\":{\"pattern\":\"a\",\"flags\":\"iq\"}}",
                "{\"regex\":\"\"}",
                "{\"regex\":{\"pattern\":\"[a\"}}"))
        .containsExactly(
            "1 items[1].expected.regex.flags: must be letters of imsx (ignore case, multi-line, dot matches newlines, "
                + "comments), but was \"iq\"",
            "2 items[2].expected.regex: must be a non-empty regular expression, but was \"\"",
            "3 items[3].expected.regex.pattern: must be a valid regular expression, but was \"[a\": Unclosed character "
                + "class near index 1");
  }

  @Test
  void readsJsonFieldByPointerOrByJsonPath() {
    assertThat(load("{\"json_field\":{\"pointer\":\"/a/0\",\"equals\":1}}"))
        .isEqualTo(new Expectation.JsonField("/a/0", "1"));
    assertThat(load("{\"json_field\":{\"path\":\"$.order['ship/to'].lines[2]\",\"equals\":\"x\"}}"))
        .isEqualTo(new Expectation.JsonField("/order/ship~1to/lines/2", "x"));
  }

  @Test
  void reportsJsonFieldWithBothPointerAndPathOrAPathThatIsNotOne() {
    assertThat(
            problems(
                "{\"json_field\":{\"pointer\":\"/a\",\"path\":\"$.a\",\"equals\":\"x\"}}",
                "{\"json_field\":{\"path\":\"$.a[*]\",\"equals\":\"x\"}}",
                "{\"json_field\":{\"pointer\":\"a\",\"equals\":{}}}"))
        .containsExactly(
            "1 items[1].expected.json_field: must have one of pointer, path, but had both",
            "2 items[2].expected.json_field.path: must be a JSON path such as $.order.items[0].sku, but was \"$.a[*]\": "
                + "character 4 must start .name, ['name'] or [index]",
            "3 items[3].expected.json_field.pointer: must be a JSON pointer starting with /, such as /order/status, "
                + "but was \"a\"",
            "3 items[3].expected.json_field.equals: must be a string, number or boolean, but was an object");
  }

  @Test
  void readsAJsonSchema() {
    Expectation schema = load("{\"json_schema\":{\"type\":\"object\",\"required\":[\"id\"]}}");

    assertThat(schema)
        .isEqualTo(new Expectation.JsonSchema(json("{\"type\":\"object\",\"required\":[\"id\"]}")));
  }

  @Test
  void reportsASchemaTheMetaSchemaRejectsOrThatWouldBeFetched() {
    List<String> problems =
        problems(
            "{\"json_schema\":{\"type\":\"strin\"}}",
            "{\"json_schema\":{\"$ref\":\"https://example.com/s.json\"}}",
            "{\"json_schema\":42}");

    assertThat(problems)
        .as("the meta-schema may say one thing more than one way")
        .hasSizeGreaterThanOrEqualTo(3);
    assertThat(problems.get(0))
        .startsWith(
            "1 items[1].expected.json_schema: must be a valid JSON schema "
                + "(draft 2020-12), but $.type: ");
    assertThat(problems.get(problems.size() - 2))
        .isEqualTo(
            "2 items[2].expected.json_schema: must be a valid JSON schema "
                + "(draft 2020-12), but $.$ref: must be a local reference starting with #, since schemas are never fetched, "
                + "but was \"https://example.com/s.json\"");
    assertThat(problems.get(problems.size() - 1))
        .isEqualTo(
            "3 items[3].expected.json_schema: must be a valid JSON schema "
                + "(draft 2020-12), but was 42");
  }

  @Test
  void readsNumericAsANumberOrWithTolerancesAndWhereToLook() {
    assertThat(load("{\"numeric\":55.98}")).isEqualTo(new Expectation.Numeric(55.98, 0, 0, null));
    assertThat(
            load(
                "{\"numeric\":{\"value\":10,\"abs_tol\":0.5,\"rel_tol\":0.01,\"path\":\"$.total\"}}"))
        .isEqualTo(new Expectation.Numeric(10, 0.5, 0.01, "/total"));
  }

  @Test
  void reportsNegativeTolerancesAndAValueThatIsNotANumber() {
    assertThat(
            problems(
                "{\"numeric\":{\"value\":\"10\",\"abs_tol\":-1}}",
                "{\"numeric\":{\"value\":1,\"rel_tl\":0}}"))
        .containsExactly(
            "1 items[1].expected.numeric.value: must be a number (finite), but was \"10\"",
            "1 items[1].expected.numeric.abs_tol: must be a number of 0 or more, but was -1",
            "2 items[2].expected.numeric.rel_tl: keys must be one of value, abs_tol, rel_tol, pointer, path, but was "
                + "\"rel_tl\"; did you mean \"rel_tol\"?");
  }

  @Test
  void readsATrajectoryWithParallelGroupsAlternativesAndOptionalArguments() {
    Expectation trajectory =
        load(
            "{\"trajectory\":{\"calls\":["
                + "{\"name\":\"lookup_order\",\"arguments\":{\"order_id\":\"A1\"}},"
                + "{\"parallel\":[{\"name\":\"track_shipment\",\"one_of\":{\"tracking_number\":[\"T1\",\"T-1\"]}},"
                + "{\"name\":\"lookup_order\",\"arguments\":{\"order_id\":\"A2\",\"verbose\":true},\"optional\":[\"verbose\"]}]}"
                + "],\"allow_extra_calls\":true}}");

    assertThat(trajectory)
        .isEqualTo(
            new Expectation.Trajectory(
                List.of(
                    new Expectation.Trajectory.Step(
                        List.of(
                            call(
                                "lookup_order",
                                Map.of("order_id", List.of(json("\"A1\""))),
                                Set.of()))),
                    new Expectation.Trajectory.Step(
                        List.of(
                            call(
                                "track_shipment",
                                Map.of("tracking_number", List.of(json("\"T1\""), json("\"T-1\""))),
                                Set.of()),
                            call(
                                "lookup_order",
                                Map.of(
                                    "order_id",
                                    List.of(json("\"A2\"")),
                                    "verbose",
                                    List.of(json("true"))),
                                Set.of("verbose"))))),
                true));
  }

  @Test
  void readsAnEmptyTrajectoryAsNoCallsAtAll() {
    assertThat(load("{\"trajectory\":[]}")).isEqualTo(new Expectation.Trajectory(List.of(), false));
  }

  @Test
  void reportsTrajectoryMistakesAtTheCallTheyAreIn() {
    assertThat(
            problems(
                "{\"trajectory\":[{\"name\":\"lookup_order\",\"arguments\":{\"order_id\":\"A1\"},\"optional\":[\"x\"]}]}",
                "{\"trajectory\":[{\"parallel\":[]}]}",
                "{\"trajectory\":[{\"name\":\"lookup_order\",\"arguments\":{\"order_id\":\"A1\"},"
                    + "\"one_of\":{\"order_id\":[\"A2\"]}}]}",
                "{\"trajectory\":[{\"name\":\"lookup_ordr\"}]}"))
        .containsExactly(
            "1 items[1].expected.trajectory[0].optional[0]: must name an argument of arguments or one_of (order_id), "
                + "but was \"x\"",
            "2 items[2].expected.trajectory[0].parallel: must be a non-empty array, but was empty",
            "3 items[3].expected.trajectory[0].one_of.order_id: must not also be in arguments, but \"order_id\" was",
            "4 items[4].expected: tools in trajectory must be tools of the catalog (lookup_order, track_shipment), but "
                + "\"lookup_ordr\" is not; did you mean \"lookup_order\"?");
  }

  @Test
  void readsRefusalAsTrueOrWithPhrasesAndGuardrails() {
    assertThat(load("{\"refusal\":true}"))
        .isEqualTo(new Expectation.Refusal(List.of(), List.of(), List.of()));
    assertThat(
            load(
                "{\"refusal\":{\"phrases\":[\"no can do\"],\"escalate_tools\":[\"track_shipment\"],"
                    + "\"must_not_call\":[\"lookup_order\"]}}"))
        .isEqualTo(
            new Expectation.Refusal(
                List.of("no can do"), List.of("track_shipment"), List.of("lookup_order")));
  }

  @Test
  void reportsRefusalFalseAndForbiddenToolsMissingFromTheCatalog() {
    assertThat(
            problems("{\"refusal\":false}", "{\"refusal\":{\"must_not_call\":[\"issue_refund\"]}}"))
        .containsExactly(
            "1 items[1].expected.refusal: must be true, or an object with phrases, escalate_tools and must_not_call, "
                + "but was false",
            "2 items[2].expected: tools in refusal.must_not_call must be tools of the catalog (lookup_order, "
                + "track_shipment), but \"issue_refund\" is not");
  }

  @Test
  void readsAnLlmJudgeWithItsDefaultThreshold() {
    assertThat(load("{\"llm_judge\":\"Is it polite?\"}"))
        .isEqualTo(new Expectation.LlmJudge("Is it polite?", 0.5, null));
    assertThat(
            load(
                "{\"llm_judge\":{\"rubric\":\"Polite?\",\"threshold\":0.8,\"model\":\"judge-1\"}}"))
        .isEqualTo(new Expectation.LlmJudge("Polite?", 0.8, "judge-1"));
  }

  @Test
  void reportsAJudgeThresholdOutsideZeroToOneAndAMissingRubric() {
    assertThat(problems("{\"llm_judge\":{\"threshold\":1.5}}"))
        .containsExactly(
            "1 items[1].expected.llm_judge.rubric: must be present, but was missing",
            "1 items[1].expected.llm_judge.threshold: must be a number in [0, 1], but was 1.5");
  }

  @Test
  void readsCompositesOfOtherKinds() {
    assertThat(load("{\"all_of\":[{\"exact\":\"a\"},{\"regex\":\"a\"}]}"))
        .isEqualTo(
            new Expectation.AllOf(
                List.of(new Expectation.Exact("a"), new Expectation.Regex("a", ""))));
    assertThat(
            load(
                "{\"weighted\":{\"threshold\":0.75,\"parts\":[{\"weight\":3,\"expected\":{\"exact\":\"a\"}},"
                    + "{\"weight\":1,\"expected\":{\"refusal\":true}}]}}"))
        .isEqualTo(
            new Expectation.Weighted(
                List.of(
                    new Expectation.Weighted.Part(3, new Expectation.Exact("a")),
                    new Expectation.Weighted.Part(
                        1, new Expectation.Refusal(List.of(), List.of(), List.of()))),
                0.75));
  }

  @Test
  void reportsMistakesInsideCompositesAtTheirNestedPath() {
    assertThat(
            problems(
                "{\"all_of\":[{\"exact\":\"a\"},{\"regex\":\")\"}]}",
                "{\"weighted\":{\"parts\":[{\"weight\":0,\"expected\":{\"exact\":\"a\"}}]}}"))
        .containsExactly(
            "1 items[1].expected.all_of[1].regex: must be a valid regular expression, but was \")\": Unmatched closing ')'",
            "2 items[2].expected.weighted.threshold: must be present, but was missing",
            "2 items[2].expected.weighted.parts[0].weight: must be a number greater than 0, but was 0");
  }

  @Test
  void readsAKindDeclaredThroughTheSpiAndReportsWhatItsCheckSays() {
    assertThat(load("{\"word_count\":12}"))
        .isEqualTo(new Expectation.Custom("word_count", json("12")));
    assertThat(problems("{\"word_count\":\"many\"}"))
        .containsExactly(
            "1 items[1].expected.word_count: must be a whole number of words above 0, but was \"many\"");
  }

  @Test
  void reportsAnUnknownKindWithASuggestion() {
    assertThat(problems("{\"regx\":\"a\"}"))
        .containsExactly(
            "1 items[1].expected: must have exactly one of "
                + DatasetLoaderTest.KINDS
                + ", but had none",
            "1 items[1].expected.regx: keys must be one of "
                + DatasetLoaderTest.KINDS
                + ", but was \"regx\"; did you mean "
                + "\"regex\"?");
  }

  @Test
  void everyExampleInDocsScorersMdLoads() throws Exception {
    Path home = Path.of(System.getProperty("gauntlet.home", ".."));
    List<String> examples = new ArrayList<>();
    boolean inJson = false;
    for (String text : Files.readAllLines(home.resolve("docs/scorers.md"))) {
      if (text.startsWith("```")) {
        inJson = text.equals("```json");
      } else if (inJson && !text.isBlank()) {
        examples.add(text);
      }
    }
    Path dir = Files.createDirectories(tmp.resolve("customer-support"));
    Files.copy(
        home.resolve("golden-datasets/customer-support").resolve(DatasetLoader.MANIFEST),
        dir.resolve(DatasetLoader.MANIFEST));
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < examples.size(); i++) {
      lines.add(line(i + 1, examples.get(i)));
    }
    Files.writeString(dir.resolve(DatasetLoader.ITEMS), String.join("\n", lines) + "\n");

    assertThat(examples).as("json examples in docs/scorers.md").hasSizeGreaterThanOrEqualTo(11);
    assertThat(DatasetLoader.load(dir).items())
        .extracting(item -> item.expected().kind())
        .containsAll(ExpectationKinds.BUILT_IN);
  }

  private Expectation load(String expected) {
    Path dir = DatasetFiles.write(tmp, MANIFEST, List.of(line(1, expected)));
    return DatasetLoader.load(dir).items().get(0).expected();
  }

  /** Each expectation on its own line, in order; the problems as "line path: message". */
  private List<String> problems(String... expecteds) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < expecteds.length; i++) {
      lines.add(line(i + 1, expecteds[i]));
    }
    Path dir = DatasetFiles.write(tmp, MANIFEST, lines);
    return catchThrowableOfType(InvalidInputException.class, () -> DatasetLoader.load(dir))
        .problems()
        .stream()
        .map(p -> p.line() + " " + p.path() + ": " + p.message())
        .toList();
  }

  private static String line(int n, String expected) {
    return DatasetFiles.item(n).replace(VALID, expected);
  }

  private static Expectation.Trajectory.Call call(
      String name, Map<String, List<JsonNode>> accepted, Set<String> optional) {
    return new Expectation.Trajectory.Call(name, accepted, optional);
  }

  static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(text, e);
    }
  }
}
