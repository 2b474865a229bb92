package dev.gauntlet.reports.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.dataset.Expectation;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@code contains} of a value and {@code regex} of the same value, quoted and case-insensitive, always agree. */
class RegexContainsPropertyTest {

  private final ContainsScorer contains = new ContainsScorer();
  private final RegexScorer regex = new RegexScorer();

  @Property(tries = 500)
  void containsAnyOfOneValueAgreesWithItsQuotedCaseInsensitiveRegex(
      @ForAll("texts") String value,
      @ForAll("texts") String before,
      @ForAll("texts") String after,
      @ForAll boolean include,
      @ForAll boolean upper) {
    String shown = upper ? value.toUpperCase(java.util.Locale.ROOT) : value;
    AgentAnswer answer = Answers.text(before + (include ? shown : "") + after);

    boolean byContains =
        contains
            .score(new Expectation.Contains(List.of(value), Expectation.Contains.Match.ANY), answer)
            .passed();
    boolean byRegex =
        regex.score(new Expectation.Regex(Pattern.quote(value), "i"), answer).passed();

    assertThat(byContains).as("output %s, value %s", answer.output(), value).isEqualTo(byRegex);
    if (include) {
      assertThat(byContains).isTrue();
    }
  }

  @Property(tries = 300)
  void containsAllPassesExactlyWhenEveryValuesRegexPasses(
      @ForAll("values") List<String> values, @ForAll("texts") String output) {
    AgentAnswer answer = Answers.text(output);

    boolean all = contains.score(new Expectation.Contains(values), answer).passed();
    boolean everyRegex =
        values.stream()
            .allMatch(
                v -> regex.score(new Expectation.Regex(Pattern.quote(v), "i"), answer).passed());

    assertThat(all).isEqualTo(everyRegex);
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings().ascii().ofMinLength(1).ofMaxLength(12).filter(s -> !s.isBlank());
  }

  @Provide
  Arbitrary<List<String>> values() {
    return Arbitraries.strings()
        .withChars("abAB .*\\E(")
        .ofMinLength(1)
        .ofMaxLength(3)
        .filter(s -> !s.isBlank())
        .list()
        .ofMinSize(1)
        .ofMaxSize(3);
  }
}
