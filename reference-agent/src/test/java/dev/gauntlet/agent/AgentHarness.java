package dev.gauntlet.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one agent test opens (fake providers, fake tools, Redis, agents), closed in reverse order, and the agent
 * started on a free port and waited for until its tool catalog is loaded. Not thread-safe: one per test.
 */
final class AgentHarness implements AutoCloseable {

  private final List<AutoCloseable> open = new ArrayList<>();

  /** {@code resource}, to be closed with the others. */
  <T extends AutoCloseable> T opened(T resource) {
    open.add(resource);
    return resource;
  }

  /** An agent asking the provider at {@code providerUrl} and the tools at {@code toolsUrl}, with {@code overrides}. */
  AgentClient agent(String providerUrl, String toolsUrl, Map<String, String> overrides)
      throws InterruptedException {
    Map<String, String> env =
        new HashMap<>(Map.of("OPENAI_BASE_URL", providerUrl, "AGENT_TOOLS_URL", toolsUrl));
    env.putAll(overrides);
    return new AgentClient(start(env));
  }

  /** An agent configured by {@code env} alone, on a free port, ready. */
  RunningAgent start(Map<String, String> env) throws InterruptedException {
    Map<String, String> withPort = new HashMap<>(env);
    withPort.put("AGENT_PORT", "0");
    RunningAgent agent = opened(ReferenceAgent.start(AgentConfig.fromEnvironment(withPort)));
    assertThat(agent.awaitReady(Duration.ofSeconds(5)))
        .as("catalog loaded: %s", agent.catalogError())
        .isTrue();
    return agent;
  }

  @Override
  public void close() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }
}
