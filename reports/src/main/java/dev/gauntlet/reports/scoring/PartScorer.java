package dev.gauntlet.reports.scoring;

import dev.gauntlet.dataset.Expectation;

/** Scores the parts of a composite with whatever scorer their kind has: the registry's {@code score}. */
@FunctionalInterface
interface PartScorer {

  Score score(Expectation part, AgentAnswer answer);
}
