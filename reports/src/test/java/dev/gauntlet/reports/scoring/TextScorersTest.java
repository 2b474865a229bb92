package dev.gauntlet.reports.scoring;

import static dev.gauntlet.reports.scoring.Answers.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.dataset.Expectation;
import dev.gauntlet.dataset.Expectation.Contains.Match;
import java.util.List;
import org.junit.jupiter.api.Test;

/** exact, contains and regex. */
class TextScorersTest {

  private final ExactScorer exact = new ExactScorer();
  private final ContainsScorer contains = new ContainsScorer();
  private final RegexScorer regex = new RegexScorer();

  @Test
  void exactMatchesAfterTrimmingWhitespace() {
    assertThat(exact.score(new Expectation.Exact("42"), text("  42\n")))
        .isEqualTo(Score.pass("output is exactly \"42\""));
  }

  @Test
  void exactIsCaseAndContentSensitive() {
    assertThat(exact.score(new Expectation.Exact("42"), text("42.0")))
        .isEqualTo(Score.fail("output must be exactly \"42\", but was \"42.0\""));
    assertThat(exact.score(new Expectation.Exact("Yes"), text("yes")).passed()).isFalse();
  }

  @Test
  void containsAllMatchesWhenEveryValueAppearsIgnoringCase() {
    Score score =
        contains.score(
            new Expectation.Contains(List.of("Paris", "france")),
            text("The capital of FRANCE is paris."));

    assertThat(score.passed()).isTrue();
    assertThat(score.value()).isEqualTo(1);
  }

  @Test
  void containsAllFailsWithTheShareFoundAndNamesWhatIsMissing() {
    Score score =
        contains.score(
            new Expectation.Contains(List.of("shipped", "2025-03-09", "55.98")),
            text("Order shipped, total 55.98."));

    assertThat(score.outcome()).isEqualTo(Score.Outcome.FAILED);
    assertThat(score.value()).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(score.reason()).isEqualTo("output is missing \"2025-03-09\"");
  }

  @Test
  void containsAnyNeedsOnlyOneValue() {
    Expectation.Contains either =
        new Expectation.Contains(List.of("refunded", "credited"), Match.ANY);

    assertThat(contains.score(either, text("We credited your card.")))
        .isEqualTo(Score.pass("output contains \"credited\""));
    assertThat(contains.score(either, text("Nothing to do.")))
        .isEqualTo(Score.fail("output contains none of \"refunded\", \"credited\""));
  }

  @Test
  void regexFindsThePatternAnywhereInTheOutput() {
    assertThat(
            regex.score(new Expectation.Regex("A\\d{5}", ""), text("Your order A82634 shipped.")))
        .isEqualTo(Score.pass("output matches /A\\d{5}/ at \"A82634\""));
  }

  @Test
  void regexHonoursItsFlagsAndAnchors() {
    assertThat(
            regex
                .score(new Expectation.Regex("^shipped$", "im"), text("Status:\nSHIPPED\n"))
                .passed())
        .isTrue();
    assertThat(regex.score(new Expectation.Regex("^shipped$", ""), text("Status:\nSHIPPED\n")))
        .isEqualTo(
            Score.fail("output must match /^shipped$/, but nothing in \"Status: SHIPPED \" does"));
  }
}
