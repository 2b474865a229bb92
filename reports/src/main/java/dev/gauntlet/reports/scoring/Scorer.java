package dev.gauntlet.reports.scoring;

import dev.gauntlet.dataset.Expectation;

/**
 * SPI: scores an agent's answer against one kind of expectation. {@link ScorerRegistry} picks the scorer by
 * {@link #kind()}, the key of the item's {@code expected}. Implementations must be thread-safe (one instance scores
 * every task of a run) and should not throw: what cannot be measured is {@link Score#unscored}, which the registry
 * also makes of any exception.
 *
 * <p>To add a kind: declare it for the dataset loader with a {@link dev.gauntlet.dataset.ExpectationKind}, so items
 * of that kind load as {@link Expectation.Custom}; write a {@code Scorer<Expectation.Custom>} of the same kind with a
 * public no-argument constructor; list it in {@code META-INF/services/dev.gauntlet.reports.scoring.Scorer}. See
 * docs/scorers.md.
 *
 * @param <E> the expectation record it reads
 */
public interface Scorer<E extends Expectation> {

  /** The key of {@code expected} it scores, such as {@code regex}. */
  String kind();

  /** The record items of {@link #kind()} load as: a built-in record, or {@link Expectation.Custom}. */
  Class<E> type();

  /** How well {@code answer} meets {@code expectation}. */
  Score score(E expectation, AgentAnswer answer);
}
