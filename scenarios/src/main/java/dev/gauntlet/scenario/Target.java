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
 * @param redis whether Gauntlet starts a {@code redis-server} for the reference agent's memory and cache (through
 *              the network proxy whose upstream is {@code redis}, if the scenario has one); embedded only
 * @param cache whether the reference agent answers repeated tasks from its response cache; embedded only
 */
public record Target(Kind kind, String mode, URI url, Ready ready, boolean redis, boolean cache) {

  /** A target without Redis and with the reference agent's cache off. */
  public Target(Kind kind, String mode, URI url, Ready ready) {
    this(kind, mode, url, ready, false, false);
  }

  /** How the target is started. */
  public enum Kind {
    EMBEDDED,
    URL
  }

  /**
   * Readiness check: GET {@code path} until it answers 2xx or {@code timeout} passes.
   */
  public record Ready(String path, Duration timeout) {}
}
