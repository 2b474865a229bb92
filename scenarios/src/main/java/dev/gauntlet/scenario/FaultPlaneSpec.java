package dev.gauntlet.scenario;

/**
 * Where the fault plane listens. Port 0 means any free port, which suits an embedded target (Gauntlet tells it the
 * URLs); an agent that is already running ({@code target: {kind: url}}) needs fixed ports to be configured with.
 * The fault plane always binds to loopback, its admin API included.
 *
 * @param providerPort port of the provider mocks ({@code /providers/<name>/v1}), 0 for any
 * @param toolsPort    port of the tool mock ({@code /tools}), 0 for any
 * @param adminPort    port of the admin API that switches faults by hand ({@code /faults}), 0 for any
 */
public record FaultPlaneSpec(int providerPort, int toolsPort, int adminPort) {

  /** Fixed provider and tool ports, any admin port. */
  public FaultPlaneSpec(int providerPort, int toolsPort) {
    this(providerPort, toolsPort, 0);
  }

  /** Any free ports. */
  public static FaultPlaneSpec anyPorts() {
    return new FaultPlaneSpec(0, 0, 0);
  }
}
