package dev.gauntlet.scenario;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The TCP proxies the fault plane puts between the agent and its other dependencies (Redis, a vector store, a
 * queue), and the Toxiproxy that runs them. Network faults ({@link Fault.Network}) act on these proxies through the
 * Toxiproxy API, whichever back end serves it. Immutable.
 *
 * @param toxiproxy the Toxiproxy API to use: null for the embedded server Gauntlet starts, or the URL of one already
 *                  running (a Toxiproxy 2.x server, or Testcontainers' {@code ToxiproxyContainer}'s mapped API port)
 * @param apiPort   the embedded server's API port, 0 for any free one; ignored with {@code toxiproxy}
 * @param proxies   the proxies, by name
 */
public record Network(URI toxiproxy, int apiPort, List<Proxy> proxies) {

  /** The upstream name that stands for the Redis Gauntlet starts for the agent ({@code target.redis: managed}). */
  public static final String MANAGED_REDIS = "redis";

  public Network {
    proxies = List.copyOf(proxies);
  }

  /** No proxies: the scenario puts nothing on the network path. */
  public static Network none() {
    return new Network(null, 0, List.of());
  }

  /** Whether the embedded server runs the proxies (no {@code toxiproxy} URL given). */
  public boolean embedded() {
    return toxiproxy == null;
  }

  /** The proxy named {@code name}. */
  public Optional<Proxy> proxy(String name) {
    return proxies.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /**
   * One proxy.
   *
   * @param name       its name, which faults and the Toxiproxy API use
   * @param upstream   {@code host:port} it forwards to, or {@value #MANAGED_REDIS} for the Redis Gauntlet starts
   * @param listenPort the loopback port it listens on, 0 for any free one
   */
  public record Proxy(String name, String upstream, int listenPort) {}
}
