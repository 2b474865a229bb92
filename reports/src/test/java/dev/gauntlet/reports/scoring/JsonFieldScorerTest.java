package dev.gauntlet.reports.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gauntlet.dataset.Expectation;
import org.junit.jupiter.api.Test;

class JsonFieldScorerTest {

  @Test
  void matchesTheFieldAtThePointerAsText() {
    Scorer scorer = new JsonFieldScorer("/order/status", "shipped");
    assertThat(scorer.matches("{\"order\": {\"status\": \"shipped\", \"id\": 7}}")).isTrue();
  }

  @Test
  void comparesNumbersAndBooleansByTheirText() {
    assertThat(new JsonFieldScorer("/n", "42").matches("{\"n\": 42}")).isTrue();
    assertThat(new JsonFieldScorer("/ok", "true").matches("{\"ok\": true}")).isTrue();
  }

  @Test
  void rejectsOutputThatIsNotJson() {
    Scorer scorer = new JsonFieldScorer("/a", "1");
    assertThat(scorer.matches("a: 1")).isFalse();
    assertThat(scorer.matches("{\"a\": 1} and some prose")).isFalse();
    assertThat(scorer.matches("")).isFalse();
    assertThat(scorer.matches(null)).isFalse();
  }

  @Test
  void rejectsAMissingOrDifferentField() {
    Scorer scorer = new JsonFieldScorer("/a", "1");
    assertThat(scorer.matches("{\"b\": 1}")).isFalse();
    assertThat(scorer.matches("{\"a\": 2}")).isFalse();
  }

  @Test
  void rejectsAnInvalidPointerWithTheUsualGrammar() {
    assertThatThrownBy(() -> new JsonFieldScorer("answer", "x"))
        .hasMessage("pointer must be a JSON pointer such as /answer, but was answer");
  }

  @Test
  void scorerOfPicksTheScorerForEachExpectationKind() {
    assertThat(Scorer.of(new Expectation.JsonField("/a", "1"))).isInstanceOf(JsonFieldScorer.class);
    assertThat(Scorer.of(new Expectation.Exact("x"))).isInstanceOf(ExactScorer.class);
    assertThat(Scorer.of(new Expectation.Contains(java.util.List.of("x")))).isInstanceOf(ContainsScorer.class);
  }
}
