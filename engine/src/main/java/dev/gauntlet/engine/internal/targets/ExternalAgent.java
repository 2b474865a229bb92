package dev.gauntlet.engine.internal.targets;

import java.net.URI;
import java.util.Optional;

/** An agent that was already running ({@code target: {kind: url}}); Gauntlet neither starts nor stops it. */
public final class ExternalAgent implements AgentTarget {

  private final URI url;

  public ExternalAgent(URI url) {
    this.url = url;
  }

  @Override
  public URI baseUrl() {
    return url;
  }

  @Override
  public Optional<String> deathReason() {
    return Optional.empty();
  }

  @Override
  public void close() {
    // Not ours to stop.
  }
}
