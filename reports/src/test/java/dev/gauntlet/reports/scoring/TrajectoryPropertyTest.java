package dev.gauntlet.reports.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.gauntlet.dataset.Expectation;
import dev.gauntlet.dataset.ToolCall;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** What a trajectory match ignores (order inside a parallel step, string noise) and what it never ignores. */
class TrajectoryPropertyTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final TrajectoryScorer scorer = new TrajectoryScorer();

  @Property(tries = 300)
  void matchIsInvariantToPermutationInsideEveryParallelStep(
      @ForAll("trajectories") Expectation.Trajectory expected, @ForAll Random random) {
    List<ToolCall> made = new ArrayList<>();
    for (Expectation.Trajectory.Step step : expected.steps()) {
      List<ToolCall> group =
          new ArrayList<>(step.calls().stream().map(TrajectoryPropertyTest::made).toList());
      Collections.shuffle(group, random);
      made.addAll(group);
    }

    assertThat(scorer.score(expected, Answers.calls(made)).passed()).as("calls %s", made).isTrue();
  }

  @Property(tries = 300)
  void matchIsSensitiveToTheOrderOfSequentialSteps(
      @ForAll("sequences") List<Expectation.Trajectory.Call> calls,
      @ForAll @IntRange(min = 0, max = 10) int at) {
    int i = at % (calls.size() - 1);
    Assume.that(!made(calls.get(i)).equals(made(calls.get(i + 1))));
    List<ToolCall> swapped =
        new ArrayList<>(calls.stream().map(TrajectoryPropertyTest::made).toList());
    Collections.swap(swapped, i, i + 1);
    Expectation.Trajectory expected =
        new Expectation.Trajectory(calls.stream().map(Trajectories::single).toList(), false);

    assertThat(scorer.score(expected, Answers.calls(swapped)).passed())
        .as("calls %s", swapped)
        .isFalse();
  }

  @Property
  void anExpectedFloatAcceptsTheSameIntegerButAnExpectedIntegerRefusesTheSameFloat(@ForAll int n) {
    assertThat(ArgumentValues.matches(NODES.numberNode((double) n), NODES.numberNode(n))).isTrue();
    assertThat(ArgumentValues.matches(NODES.numberNode(n), NODES.numberNode((double) n))).isFalse();
    assertThat(ArgumentValues.matches(NODES.numberNode(n), NODES.numberNode(n))).isTrue();
  }

  @Property
  void stringsMatchWhateverTheCaseAndTheIgnoredPunctuation(
      @ForAll("words") String word, @ForAll Random random) {
    StringBuilder noisy = new StringBuilder();
    for (char c : word.toCharArray()) {
      noisy.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
      if (random.nextInt(4) == 0) {
        noisy.append(" ,./-_*^".charAt(random.nextInt(8)));
      }
    }

    assertThat(ArgumentValues.matches(NODES.textNode(word), NODES.textNode(noisy.toString())))
        .as(noisy.toString())
        .isTrue();
  }

  @Provide
  Arbitrary<Expectation.Trajectory> trajectories() {
    Arbitrary<Expectation.Trajectory.Step> step =
        calls().list().ofMinSize(1).ofMaxSize(4).map(Expectation.Trajectory.Step::new);
    return step.list()
        .ofMinSize(1)
        .ofMaxSize(4)
        .map(steps -> new Expectation.Trajectory(steps, false));
  }

  @Provide
  Arbitrary<List<Expectation.Trajectory.Call>> sequences() {
    return calls().list().ofMinSize(2).ofMaxSize(6);
  }

  @Provide
  Arbitrary<String> words() {
    return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(10);
  }

  private static Arbitrary<Expectation.Trajectory.Call> calls() {
    Arbitrary<JsonNode> value =
        Arbitraries.oneOf(
            Arbitraries.integers().between(0, 3).map(NODES::numberNode),
            Arbitraries.of("A1", "A2", "B").map(NODES::textNode),
            Arbitraries.of(1.5, 2.0).map(NODES::numberNode));
    return Combinators.combine(
            Arbitraries.of("lookup_order", "get_customer", "track_shipment"),
            Arbitraries.maps(Arbitraries.of("id", "n", "q"), value).ofMaxSize(2))
        .as(
            (name, arguments) ->
                new Expectation.Trajectory.Call(
                    name,
                    Map.copyOf(
                        arguments.entrySet().stream()
                            .collect(
                                java.util.stream.Collectors.toMap(
                                    Map.Entry::getKey, e -> List.of(e.getValue())))),
                    Set.of()));
  }

  /** The call an agent makes when it does exactly what {@code expected} says. */
  private static ToolCall made(Expectation.Trajectory.Call expected) {
    var arguments = NODES.objectNode();
    expected.accepted().forEach((name, values) -> arguments.set(name, values.get(0)));
    return new ToolCall(expected.name(), arguments);
  }
}
