package dev.gauntlet.cli;

import dev.gauntlet.cli.targets.AgentTarget;
import dev.gauntlet.cli.targets.EmbeddedAgent;
import dev.gauntlet.cli.targets.ExternalAgent;
import dev.gauntlet.faults.FaultPlane;
import dev.gauntlet.run.RunDirectory;
import dev.gauntlet.scenario.Provider;
import dev.gauntlet.scenario.Scenario;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts the scenario's target, pointed at the fault plane the way a deployment is pointed at its providers: by
 * environment (base URLs, model names), never by code.
 */
final class Targets {

  private Targets() {}

  static AgentTarget start(Scenario scenario, FaultPlane plane, RunDirectory run) {
    return switch (scenario.target().kind()) {
      case URL -> new ExternalAgent(scenario.target().url());
      case EMBEDDED -> EmbeddedAgent.start(environment(scenario, plane), run.agentLog());
    };
  }

  /** The reference agent's configuration: primary provider, optional fallback, tools. */
  static Map<String, String> environment(Scenario scenario, FaultPlane plane) {
    Map<String, String> env = new LinkedHashMap<>();
    List<Provider> providers = scenario.providers();
    env.put("AGENT_MODE", scenario.target().mode());
    env.put("OPENAI_API_KEY", "gauntlet");
    env.put("OPENAI_BASE_URL", plane.providerBaseUrl(providers.get(0).name()).toString());
    env.put("OPENAI_MODEL", providers.get(0).model());
    if (providers.size() > 1) {
      env.put("OPENAI_FALLBACK_BASE_URL", plane.providerBaseUrl(providers.get(1).name()).toString());
      env.put("OPENAI_FALLBACK_MODEL", providers.get(1).model());
    }
    env.put("AGENT_TOOLS_URL", plane.toolsBaseUrl().toString());
    env.put("AGENT_LLM_TIMEOUT_MS", String.valueOf(Math.min(10_000, scenario.workload().taskTimeout().toMillis())));
    // Without this, a repeated item would be answered from the agent's cache and never meet the scenario's faults.
    env.put("AGENT_CACHE", "off");
    return env;
  }
}
