package dev.gauntlet.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever {@link ExpectationWriter} writes, {@link ExpectationReader} reads back to the same value, untouched. */
class ExpectationRoundTripPropertyTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @Property(tries = 300)
  void everyExpectationReadsBackAsWritten(@ForAll("expectations") Expectation expected)
      throws Exception {
    String json = ExpectationWriter.toJson(expected).toString();
    JsonLine line = JsonLine.parse("{\"expected\":" + json + "}", 1);
    Problems problems = new Problems();
    LineSpot spot = new LineSpot(SourceFile.of(Path.of("items.jsonl")), problems, line);

    Optional<Expectation> read =
        JsonFields.of(line.root().get("expected"), "expected", spot)
            .flatMap(ExpectationReader::read);

    assertThat(problems.count()).as("problems reading back %s", json).isZero();
    assertThat(read).as("read back from %s", json).contains(expected);
  }

  @Provide
  Arbitrary<Expectation> expectations() {
    Arbitrary<Expectation> leaf = leaves();
    Arbitrary<Expectation> allOf =
        leaf.list().ofMinSize(1).ofMaxSize(3).map(Expectation.AllOf::new);
    Arbitrary<Expectation> weighted =
        Combinators.combine(
                Combinators.combine(Arbitraries.doubles().between(0.001, 100).ofScale(3), leaf)
                    .as(Expectation.Weighted.Part::new)
                    .list()
                    .ofMinSize(1)
                    .ofMaxSize(3),
                Arbitraries.doubles().between(0, 1).ofScale(6))
            .as(Expectation.Weighted::new);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, leaf),
        net.jqwik.api.Tuple.of(1, allOf),
        net.jqwik.api.Tuple.of(1, weighted));
  }

  private static Arbitrary<Expectation> leaves() {
    Arbitrary<String> text = texts();
    Arbitrary<Expectation> contains =
        Combinators.combine(
                text.list().ofMinSize(1).ofMaxSize(4),
                Arbitraries.of(Expectation.Contains.Match.class))
            .as(Expectation.Contains::new);
    Arbitrary<Expectation> regex =
        Combinators.combine(
                Arbitraries.of("a+", "^\\d{3}$", "(?<id>A\\d+)", "x|y", "[a-z]*\\."),
                Arbitraries.strings().withChars("imsx").ofMaxLength(4))
            .as(Expectation.Regex::new);
    Arbitrary<Expectation> jsonField =
        Combinators.combine(pointers(), text).as(Expectation.JsonField::new);
    Arbitrary<Expectation> schema =
        Arbitraries.of(
                "{\"type\":\"object\",\"required\":[\"a\"]}",
                "true",
                "{\"type\":\"array\",\"items\":{\"type\":\"integer\",\"minimum\":0}}")
            .map(s -> new Expectation.JsonSchema(ExpectationLoadingTest.json(s)));
    Arbitrary<Double> tolerance = Arbitraries.doubles().between(0, 1e6).ofScale(4);
    Arbitrary<Expectation> numeric =
        Combinators.combine(
                Arbitraries.doubles().between(-1e12, 1e12).ofScale(5),
                tolerance,
                tolerance,
                pointers().injectNull(0.5))
            .as(Expectation.Numeric::new);
    Arbitrary<Expectation> refusal =
        Combinators.combine(
                text.list().ofMaxSize(2), names().list().ofMaxSize(2), names().list().ofMaxSize(2))
            .as(Expectation.Refusal::new);
    Arbitrary<Expectation> judge =
        Combinators.combine(
                text, Arbitraries.doubles().between(0, 1).ofScale(6), names().injectNull(0.5))
            .as(Expectation.LlmJudge::new);
    return Arbitraries.oneOf(
        contains,
        text.map(Expectation.Exact::new),
        regex,
        jsonField,
        schema,
        numeric,
        trajectories(),
        refusal,
        judge);
  }

  private static Arbitrary<Expectation> trajectories() {
    Arbitrary<JsonNode> value =
        Arbitraries.oneOf(
            texts().map(NODES::textNode),
            Arbitraries.integers().map(NODES::numberNode),
            Arbitraries.of(2.0, -0.5, 1e-3).map(NODES::numberNode),
            Arbitraries.of(
                NODES.booleanNode(true),
                NODES.nullNode(),
                ExpectationLoadingTest.json("[1,\"a\"]"),
                ExpectationLoadingTest.json("{\"k\":{\"n\":1.5}}")));
    Arbitrary<Map<String, List<JsonNode>>> accepted =
        Arbitraries.maps(names(), value.list().ofMinSize(1).ofMaxSize(3)).ofMaxSize(3);
    Arbitrary<Expectation.Trajectory.Call> call =
        Combinators.combine(names(), accepted, Arbitraries.integers().between(0, 7))
            .as(
                (name, args, mask) ->
                    new Expectation.Trajectory.Call(name, args, subset(args, mask)));
    Arbitrary<Expectation.Trajectory.Step> step =
        call.list().ofMinSize(1).ofMaxSize(3).map(Expectation.Trajectory.Step::new);
    return Combinators.combine(step.list().ofMaxSize(3), Arbitraries.of(true, false))
        .as(Expectation.Trajectory::new);
  }

  private static Set<String> subset(Map<String, List<JsonNode>> accepted, int mask) {
    List<String> keys = List.copyOf(accepted.keySet());
    java.util.Set<String> chosen = new java.util.HashSet<>();
    for (int i = 0; i < keys.size(); i++) {
      if ((mask & (1 << i)) != 0) {
        chosen.add(keys.get(i));
      }
    }
    return chosen;
  }

  private static Arbitrary<String> texts() {
    return Arbitraries.strings()
        .alpha()
        .numeric()
        .withChars(' ', '-', '"', '\\', 'é', '{', '}')
        .ofMinLength(1)
        .ofMaxLength(12)
        .filter(s -> !s.isBlank());
  }

  private static Arbitrary<String> names() {
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .withChars('_')
        .ofMinLength(1)
        .ofMaxLength(8);
  }

  private static Arbitrary<String> pointers() {
    return Arbitraries.strings()
        .alpha()
        .numeric()
        .withChars('~', '/', ' ')
        .ofMinLength(1)
        .ofMaxLength(6)
        .list()
        .ofMinSize(1)
        .ofMaxSize(3)
        .map(
            segments ->
                segments.stream()
                    .map(s -> "/" + s.replace("~", "~0").replace("/", "~1"))
                    .reduce("", String::concat));
  }
}
