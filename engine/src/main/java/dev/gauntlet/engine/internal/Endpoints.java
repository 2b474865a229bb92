package dev.gauntlet.engine.internal;

import dev.gauntlet.faults.FaultPlane;
import dev.gauntlet.faults.admin.FaultState;
import dev.gauntlet.scenario.Durations;
import dev.gauntlet.scenario.Provider;
import dev.gauntlet.scenario.Scenario;
import java.io.PrintStream;
import java.net.URI;
import java.util.Map;
import java.util.Set;

/** What {@code gauntlet serve} prints: the plane's endpoints, an agent's configuration, the faults and how to switch them. */
final class Endpoints {

  /** Settings of the reference agent that describe the bundled target, not the fault plane. */
  private static final Set<String> TARGET_ONLY =
      Set.of("AGENT_MODE", "AGENT_LLM_TIMEOUT_MS", "AGENT_CACHE");

  private Endpoints() {}

  static void print(
      PrintStream out, Scenario scenario, FaultPlane plane, Map<String, String> upstreams) {
    out.println("fault plane (loopback only; the scenario's target is not started):");
    for (Provider p : scenario.providers()) {
      out.printf("  provider %-10s %-9s %s%n", p.name(), p.api(), plane.providerBaseUrl(p.name()));
      plane.selfHostedUrl(p.name()).ifPresent(root -> selfHosted(out, plane, p, root));
    }
    out.printf("  %-30s %s%n", "tools", plane.toolsBaseUrl());
    out.printf("  %-30s %s%n", "admin", plane.adminBaseUrl());
    plane.toxiproxyUrl().ifPresent(url -> out.printf("  %-30s %s%n", "toxiproxy API", url));
    for (Map.Entry<String, String> proxy : plane.proxies().entrySet()) {
      String upstream = scenario.network().proxy(proxy.getKey()).map(p -> p.upstream()).orElse("?");
      out.printf(
          "  proxy %-24s %s -> %s%n",
          proxy.getKey(), proxy.getValue(), upstreams.getOrDefault(upstream, upstream));
    }
    out.println("agent configuration (paste into its environment):");
    for (Map.Entry<String, String> e : Targets.environment(scenario, plane, upstreams).entrySet()) {
      if (!TARGET_ONLY.contains(e.getKey())) {
        out.println("  " + e.getKey() + "=" + e.getValue());
      }
    }
    faults(out, plane);
  }

  /** A self-hosted provider's own server: what an orchestrator and a watchdog would scrape and call. */
  private static void selfHosted(PrintStream out, FaultPlane plane, Provider p, URI root) {
    out.printf(
        "    self-hosted %-18s %s (%s VRAM, %s at start, cold start %s)%n",
        "server",
        root,
        mebibytes(p.selfHosted().vramMb()),
        mebibytes(p.selfHosted().baselineMb()),
        Durations.format(p.selfHosted().coldStart()));
    out.printf(
        "    %-30s %s/metrics   (Prometheus: vllm:gpu_cache_usage_perc, DCGM_FI_DEV_FB_USED, …)%n",
        "metrics", root);
    out.printf("    %-30s %s/health%n", "health", root);
    out.printf(
        "    %-30s curl -X POST %s/gauntlet/restart   (or %s/providers/%s/restart)%n",
        "restart", root, plane.adminBaseUrl(), p.name());
  }

  private static String mebibytes(double mib) {
    return mib >= 1024
        ? String.format(java.util.Locale.ROOT, "%.1f GiB", mib / 1024)
        : String.format(java.util.Locale.ROOT, "%.0f MiB", mib);
  }

  private static void faults(PrintStream out, FaultPlane plane) {
    if (plane.faults().isEmpty()) {
      out.println("faults: none in this scenario");
      return;
    }
    out.println("faults (off until the schedule starts or you switch them):");
    for (FaultState f : plane.faults()) {
      out.printf(
          "  %-20s %-12s provider %-10s window %s for %s%n",
          f.name(),
          f.kind(),
          f.provider() == null ? "all" : f.provider(),
          Durations.format(f.window().start()),
          Durations.format(f.window().duration()));
    }
    String admin = plane.adminBaseUrl().toString();
    out.println(
        "  switch:   curl -X POST "
            + admin
            + "/faults/"
            + plane.faults().get(0).name()
            + "/on   (or /off)");
    out.println("  schedule: curl -X POST " + admin + "/schedule/start");
  }
}
