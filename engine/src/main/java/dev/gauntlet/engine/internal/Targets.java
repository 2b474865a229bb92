package dev.gauntlet.engine.internal;

import dev.gauntlet.engine.internal.targets.AgentTarget;
import dev.gauntlet.engine.internal.targets.EmbeddedAgent;
import dev.gauntlet.engine.internal.targets.ExternalAgent;
import dev.gauntlet.faults.FaultPlane;
import dev.gauntlet.run.RunDirectory;
import dev.gauntlet.scenario.Network;
import dev.gauntlet.scenario.Provider;
import dev.gauntlet.scenario.Scenario;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts the scenario's target, pointed at the fault plane the way a deployment is pointed at its providers: by
 * environment (base URLs, model names), never by code.
 */
final class Targets {

  /** The share of the device at which the reference agent's watchdog restarts its model server. */
  static final String WATCHDOG_THRESHOLD = "0.9";

  /** How often the watchdog polls the server's {@code /metrics}. */
  static final String WATCHDOG_INTERVAL = "1s";

  private Targets() {}

  /**
   * Starts the target; {@code upstreams} are the dependencies started for it by name ({@code redis} →
   * {@code host:port}).
   */
  static AgentTarget start(
      Scenario scenario, FaultPlane plane, RunDirectory run, Map<String, String> upstreams) {
    return switch (scenario.target().kind()) {
      case URL -> new ExternalAgent(scenario.target().url());
      case EMBEDDED -> EmbeddedAgent.start(environment(scenario, plane, upstreams), run.agentLog());
    };
  }

  /**
   * The reference agent's configuration: primary provider, optional fallback, tools, with {@code target.redis}
   * the Redis it keeps memory and cache in, reached through the network proxy in front of it when there is one, and
   * with a self-hosted primary the watchdog's {@code AGENT_WATCHDOG_*} settings.
   */
  static Map<String, String> environment(
      Scenario scenario, FaultPlane plane, Map<String, String> upstreams) {
    Map<String, String> env = new LinkedHashMap<>();
    List<Provider> providers = scenario.providers();
    env.put("AGENT_MODE", scenario.target().mode());
    env.put("OPENAI_API_KEY", "gauntlet");
    env.put("OPENAI_BASE_URL", plane.providerBaseUrl(providers.get(0).name()).toString());
    env.put("OPENAI_MODEL", providers.get(0).model());
    if (providers.size() > 1) {
      env.put(
          "OPENAI_FALLBACK_BASE_URL", plane.providerBaseUrl(providers.get(1).name()).toString());
      env.put("OPENAI_FALLBACK_MODEL", providers.get(1).model());
    }
    plane.selfHostedUrl(providers.get(0).name()).ifPresent(server -> watchdog(env, server));
    env.put("AGENT_TOOLS_URL", plane.toolsBaseUrl().toString());
    env.put(
        "AGENT_LLM_TIMEOUT_MS",
        String.valueOf(Math.min(10_000, scenario.workload().taskTimeout().toMillis())));
    // Off unless the scenario asks: a repeated item answered from the cache would never meet the
    // scenario's faults.
    env.put("AGENT_CACHE", scenario.target().cache() ? "on" : "off");
    String redis = upstreams.get(Network.MANAGED_REDIS);
    if (scenario.target().redis() && redis != null) {
      String proxied =
          scenario.network().proxies().stream()
              .filter(p -> p.upstream().equals(Network.MANAGED_REDIS))
              .findFirst()
              .map(p -> plane.proxies().get(p.name()))
              .orElse(redis);
      env.put("REDIS_URL", "redis://" + proxied);
    }
    return env;
  }

  /**
   * A self-hosted primary gets a watchdog in the resilient agent: the server's root (its {@code /metrics},
   * {@code /health} and {@code /gauntlet/restart}), the share of VRAM that triggers a restart, how often to poll.
   */
  private static void watchdog(Map<String, String> env, URI server) {
    env.put("AGENT_WATCHDOG_URL", server.toString());
    env.put("AGENT_WATCHDOG_THRESHOLD", WATCHDOG_THRESHOLD);
    env.put("AGENT_WATCHDOG_INTERVAL", WATCHDOG_INTERVAL);
  }
}
