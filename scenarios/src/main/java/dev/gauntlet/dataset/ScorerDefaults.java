package dev.gauntlet.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code dataset.yaml}'s {@code scorers}: how items are scored when they do not say, as promptfoo's
 * {@code defaultTest} does. The loader folds it into each item's expectation, so a loaded {@link Item} holds what
 * its answers are scored against. Immutable.
 *
 * @param defaultKind the kind a bare {@code expected} value (a string, number, array or boolean rather than an
 *                    object naming its kind) is read as; empty when a bare value is an error
 * @param always      expectations every item must meet as well as its own, in file order
 */
record ScorerDefaults(Optional<String> defaultKind, List<Expectation> always) {

  /** A manifest without {@code scorers}: every item says everything. */
  static final ScorerDefaults NONE = new ScorerDefaults(Optional.empty(), List.of());

  /**
   * The built-in kinds whose value may be bare, and so may be a {@code default_kind}; a kind of one's own may be
   * too, its {@link ExpectationKind#check} deciding which values it takes.
   */
  static final List<String> BARE_KINDS =
      List.of("contains", "exact", "regex", "numeric", "trajectory", "refusal", "llm_judge");

  ScorerDefaults {
    always = List.copyOf(always);
  }

  /** {@code own}, or, when there are expectations for every item, all of them: {@code own} first, then those. */
  Expectation applyTo(Expectation own) {
    if (always.isEmpty()) {
      return own;
    }
    List<Expectation> parts = new ArrayList<>(always.size() + 1);
    parts.add(own);
    parts.addAll(always);
    return new Expectation.AllOf(parts);
  }

  /** What an item without {@code expected} is scored against: the expectations for every item, if any. */
  Optional<Expectation> alone() {
    return always.isEmpty()
        ? Optional.empty()
        : Optional.of(always.size() == 1 ? always.get(0) : new Expectation.AllOf(always));
  }
}
