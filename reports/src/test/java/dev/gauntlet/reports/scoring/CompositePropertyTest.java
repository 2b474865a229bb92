package dev.gauntlet.reports.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.IntNode;
import dev.gauntlet.dataset.Expectation;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Weighted and all_of over parts whose scores are given: the arithmetic and the unscored rule. */
class CompositePropertyTest {

  /** A part of index i whose score is {@code scores.get(i)}. */
  private record Case(List<Double> weights, List<Score> scores, double threshold) {
    Expectation.Weighted weighted(double scale) {
      List<Expectation.Weighted.Part> parts = new ArrayList<>();
      for (int i = 0; i < weights.size(); i++) {
        Expectation part = new Expectation.Custom("p", IntNode.valueOf(i));
        parts.add(new Expectation.Weighted.Part(weights.get(i) * scale, part));
      }
      return new Expectation.Weighted(parts, threshold);
    }

    PartScorer scorer() {
      return (part, answer) -> scores.get(((Expectation.Custom) part).spec().asInt());
    }

    Case withUnscoredAs(double value) {
      return new Case(
          weights,
          scores.stream().map(s -> s.scored() ? s : Score.pass(value, "")).toList(),
          threshold);
    }
  }

  @Property(tries = 500)
  void aFullyScoredWeightedValueIsTheWeightedMean(@ForAll("scoredCases") Case c) {
    Score score = new WeightedScorer(c.scorer()).score(c.weighted(1), Answers.text("x"));
    double sum = 0;
    double total = 0;
    for (int i = 0; i < c.weights().size(); i++) {
      sum += c.weights().get(i) * c.scores().get(i).value();
      total += c.weights().get(i);
    }

    assertThat(score.value()).isCloseTo(sum / total, within(1e-9));
    assertThat(score.passed()).isEqualTo(score.value() >= c.threshold());
  }

  @Property(tries = 500)
  void scalingEveryWeightByThePowerOfTwoChangesNothing(
      @ForAll("cases") Case c, @ForAll("powersOfTwo") double scale) {
    WeightedScorer scorer = new WeightedScorer(c.scorer());

    assertThat(scorer.score(c.weighted(scale), Answers.text("x")))
        .isEqualTo(scorer.score(c.weighted(1), Answers.text("x")));
  }

  @Property(tries = 500)
  void anUnscoredPartLeavesTheOutcomeDecidedOnlyWhenEveryValueItCouldHaveAgrees(
      @ForAll("cases") Case c) {
    Score.Outcome outcome =
        new WeightedScorer(c.scorer()).score(c.weighted(1), Answers.text("x")).outcome();
    Score.Outcome low =
        new WeightedScorer(c.withUnscoredAs(0).scorer())
            .score(c.weighted(1), Answers.text("x"))
            .outcome();
    Score.Outcome high =
        new WeightedScorer(c.withUnscoredAs(1).scorer())
            .score(c.weighted(1), Answers.text("x"))
            .outcome();

    assertThat(outcome).isEqualTo(low == high ? low : Score.Outcome.UNSCORED);
  }

  @Property(tries = 300)
  void allOfPassesExactlyWhenEveryPartPasses(@ForAll("scoredCases") Case c) {
    List<Expectation> parts =
        c.weighted(1).parts().stream().map(Expectation.Weighted.Part::expected).toList();

    Score score =
        new AllOfScorer(c.scorer()).score(new Expectation.AllOf(parts), Answers.text("x"));

    assertThat(score.passed()).isEqualTo(c.scores().stream().allMatch(Score::passed));
  }

  @Provide
  Arbitrary<Case> cases() {
    return cases(Arbitraries.oneOf(scored(), Arbitraries.just(Score.unscored("judge down"))));
  }

  @Provide
  Arbitrary<Case> scoredCases() {
    return cases(scored());
  }

  @Provide
  Arbitrary<Double> powersOfTwo() {
    return Arbitraries.of(0.125, 0.5, 2.0, 16.0);
  }

  private static Arbitrary<Case> cases(Arbitrary<Score> score) {
    Arbitrary<Double> weight = Arbitraries.doubles().between(0.01, 10).ofScale(2);
    return Combinators.combine(
            weight.list().ofMinSize(1).ofMaxSize(5),
            score.list().ofSize(5),
            Arbitraries.doubles().between(0, 1).ofScale(2))
        .as(
            (weights, scores, threshold) ->
                new Case(weights, scores.subList(0, weights.size()), threshold));
  }

  private static Arbitrary<Score> scored() {
    return Combinators.combine(
            Arbitraries.of(true, false), Arbitraries.doubles().between(0, 1).ofScale(2))
        .as((passed, value) -> passed ? Score.pass(value, "") : Score.fail(value, ""));
  }
}
