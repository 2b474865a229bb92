package dev.gauntlet.scenario;

import java.net.URI;
import java.time.Duration;

/**
 * The agent deployment under test.
 *
 * @param kind  {@link Kind#EMBEDDED} starts the bundled reference agent as a child process; {@link Kind#URL}
 *              uses an agent that is already running
 * @param mode  reference agent mode ({@code resilient} or {@code naive}); ignored for {@link Kind#URL}
 * @param url   base URL of a running agent, for {@link Kind#URL}; null otherwise
 * @param ready how to tell that the agent is ready
 */
public record Target(Kind kind, String mode, URI url, Ready ready) {

  /** How the target is started. */
  public enum Kind { EMBEDDED, URL }

  /**
   * Readiness check: GET {@code path} until it answers 2xx or {@code timeout} passes.
   */
  public record Ready(String path, Duration timeout) {}
}
