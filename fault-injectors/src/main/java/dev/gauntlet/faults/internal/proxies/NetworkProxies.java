package dev.gauntlet.faults.internal.proxies;

import dev.gauntlet.faults.network.ToxiproxyServer;
import dev.gauntlet.scenario.Network;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The scenario's network proxies, created through the Toxiproxy API with toxiproxy-java on whichever back end the
 * scenario names: the embedded server (started here) or a Toxiproxy already running. Network faults then act on them
 * through the same client ({@link NetworkInjector}). Thread-safe once started.
 */
public final class NetworkProxies implements AutoCloseable {

  private final ToxiproxyServer embedded;
  private final URI api;
  private final ToxiproxyClient client;
  private final Map<String, Proxy> proxies;

  private NetworkProxies(
      ToxiproxyServer embedded, URI api, ToxiproxyClient client, Map<String, Proxy> proxies) {
    this.embedded = embedded;
    this.api = api;
    this.client = client;
    this.proxies = proxies;
  }

  /**
   * Creates {@code network}'s proxies (replacing any of the same name on an external server), each forwarding to its
   * upstream, with symbolic upstreams (such as {@value Network#MANAGED_REDIS}) resolved through {@code upstreams}.
   * Starts the embedded server when the scenario names no external one and has proxies or {@code alwaysEmbedded}
   * asks for it, on {@code network.apiPort()} or, when that is 0, on {@code defaultApiPort}.
   *
   * @return the proxies, or empty when there is nothing to run
   * @throws IllegalStateException when the Toxiproxy API cannot be reached or a proxy cannot be created, saying which
   */
  public static Optional<NetworkProxies> start(
      Network network,
      Map<String, String> upstreams,
      long seed,
      boolean alwaysEmbedded,
      int defaultApiPort) {
    if (network.proxies().isEmpty() && !(alwaysEmbedded && network.embedded())) {
      return Optional.empty();
    }
    ToxiproxyServer embedded = null;
    URI api = network.toxiproxy();
    if (network.embedded()) {
      int port = network.apiPort() != 0 ? network.apiPort() : defaultApiPort;
      try {
        embedded = ToxiproxyServer.start("127.0.0.1", port, seed);
      } catch (RuntimeException e) {
        throw new IllegalStateException(
            "could not start the embedded Toxiproxy server on 127.0.0.1:"
                + port
                + " ("
                + e.getMessage()
                + "); set network.api_port to a free port, or 0 for any",
            e);
      }
      api = embedded.baseUrl();
    }
    ToxiproxyClient client = new ToxiproxyClient(api.getHost(), api.getPort());
    Map<String, Proxy> proxies = new LinkedHashMap<>();
    try {
      for (Network.Proxy p : network.proxies()) {
        String upstream = upstreams.getOrDefault(p.upstream(), p.upstream());
        if (!upstream.contains(":")) {
          throw new IllegalStateException(
              "proxy "
                  + p.name()
                  + " forwards to '"
                  + p.upstream()
                  + "', which nothing "
                  + "started in this run; set target.redis: managed, or give the upstream as host:port");
        }
        Proxy old = client.getProxyOrNull(p.name());
        if (old != null) {
          old.delete();
        }
        proxies.put(
            p.name(), client.createProxy(p.name(), "127.0.0.1:" + p.listenPort(), upstream));
      }
    } catch (IOException | RuntimeException e) {
      if (embedded != null) {
        embedded.close();
      }
      if (e instanceof IllegalStateException ise) {
        throw ise;
      }
      throw new IllegalStateException(
          "could not create the network proxies through the Toxiproxy API at "
              + api
              + " ("
              + e.getMessage()
              + "); is it running and reachable?",
          e);
    }
    return Optional.of(new NetworkProxies(embedded, api, client, proxies));
  }

  /** The Toxiproxy API in use, such as {@code http://127.0.0.1:8474}. */
  public URI api() {
    return api;
  }

  /** The proxy named {@code name}, as toxiproxy-java sees it. */
  public Proxy proxy(String name) {
    Proxy proxy = proxies.get(name);
    if (proxy == null) {
      throw new IllegalArgumentException(
          "proxy must be one of " + proxies.keySet() + ", but was " + name);
    }
    return proxy;
  }

  /** Where proxy {@code name} listens, {@code host:port}. */
  public String listen(String name) {
    return proxy(name).getListen();
  }

  /** Every proxy's listen address, by name, in scenario order. */
  public Map<String, String> listens() {
    Map<String, String> out = new LinkedHashMap<>();
    proxies.forEach((name, proxy) -> out.put(name, proxy.getListen()));
    return out;
  }

  ToxiproxyClient client() {
    return client;
  }

  /** Deletes the proxies from an external server, or stops the embedded one. Idempotent. */
  @Override
  public void close() {
    if (embedded != null) {
      embedded.close();
      return;
    }
    for (Proxy proxy : proxies.values()) {
      try {
        proxy.delete();
      } catch (IOException e) {
        // the external server is gone or the proxy already deleted: nothing left to clean up
      }
    }
  }
}
