package dev.gauntlet.faults.internal.provider;

import java.util.Optional;

/**
 * A fault that changes what the model says in one call rather than the HTTP answer: a hallucinated tool call, a
 * malformed answer, a runaway loop. Implementations must be thread-safe; they are called per hit call.
 */
@FunctionalInterface
public interface TurnFault {

  /** The turn to serve instead of the scripted one, or empty when the fault does not apply to this call. */
  Optional<Turn> apply(ChatCall call);
}
