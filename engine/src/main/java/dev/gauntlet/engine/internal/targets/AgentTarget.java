package dev.gauntlet.engine.internal.targets;

import java.net.URI;
import java.util.Optional;

/**
 * The agent deployment a run drives: started by Gauntlet or already running. Implementations are thread-safe.
 */
public interface AgentTarget extends AutoCloseable {

  /** Base URL the task protocol is spoken to. */
  URI baseUrl();

  /** Why the target stopped serving, or empty while it is (as far as can be told) alive. */
  Optional<String> deathReason();

  /** Stops the target if Gauntlet started it; leaves it alone otherwise. */
  @Override
  void close();
}
