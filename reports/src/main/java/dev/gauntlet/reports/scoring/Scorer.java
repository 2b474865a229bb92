package dev.gauntlet.reports.scoring;

import dev.gauntlet.dataset.Expectation;

/**
 * Decides whether an agent's answer meets one dataset item's expectation. Implementations are immutable and
 * thread-safe; a null output never matches.
 */
public interface Scorer {

  /** Whether {@code output} is a right answer. */
  boolean matches(String output);

  /** The scorer for {@code expectation}'s kind. */
  static Scorer of(Expectation expectation) {
    if (expectation instanceof Expectation.Contains contains) {
      return new ContainsScorer(contains.values());
    }
    if (expectation instanceof Expectation.Exact exact) {
      return new ExactScorer(exact.value());
    }
    if (expectation instanceof Expectation.JsonField field) {
      return new JsonFieldScorer(field.pointer(), field.value());
    }
    throw new IllegalArgumentException("expectation must be contains, exact or json_field, but was " + expectation);
  }
}
