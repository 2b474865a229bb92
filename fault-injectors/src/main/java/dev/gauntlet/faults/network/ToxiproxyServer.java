package dev.gauntlet.faults.network;

import dev.gauntlet.faults.network.internal.ApiServer;
import dev.gauntlet.faults.network.internal.Transport;
import java.net.URI;

/**
 * A Toxiproxy-compatible server inside the JVM: the Toxiproxy 2.x HTTP API, and TCP proxies that apply its
 * {@code latency}, {@code bandwidth}, {@code slow_close}, {@code timeout}, {@code reset_peer}, {@code slicer} and
 * {@code limit_data} toxics, so that any Toxiproxy client (toxiproxy-java, the Go client, toxiproxy-cli) can drive
 * it without a Toxiproxy binary.
 *
 * <pre>{@code
 * try (ToxiproxyServer toxiproxy = ToxiproxyServer.start("127.0.0.1", 0, seed)) {
 *   ToxiproxyClient client = new ToxiproxyClient("127.0.0.1", toxiproxy.port());
 *   Proxy redis = client.createProxy("redis", "127.0.0.1:0", "127.0.0.1:6379");
 *   redis.toxics().latency("slow", ToxicDirection.DOWNSTREAM, 250);
 * }
 * }</pre>
 *
 * <p>Whether a toxic applies to a connection (its {@code toxicity}) is decided once per connection and toxic from
 * the seed, the proxy's name, the connection's number on that proxy (in accept order) and the toxic's name, so a
 * rerun with the same seed that opens its connections in the same order sees the same connections hit. Jitter and
 * slice sizes are drawn the same way. See the package documentation for where behaviour differs from Toxiproxy.
 *
 * <p>The proxies run on native epoll where it loads and NIO otherwise; the system property
 * {@code gauntlet.toxiproxy.transport} ({@code auto}, {@code epoll}, {@code nio}) picks one. Thread-safe.
 */
public final class ToxiproxyServer implements AutoCloseable {

  /** The port Toxiproxy's API listens on by default, and that its clients assume. */
  public static final int DEFAULT_PORT = 8474;

  /** The seed {@link #start(String, int)} uses, so that runs repeat unless told otherwise. */
  public static final long DEFAULT_SEED = 0;

  private final ApiServer api;
  private final String host;
  private final long seed;

  private ToxiproxyServer(ApiServer api, String host, long seed) {
    this.api = api;
    this.host = host;
    this.seed = seed;
  }

  /**
   * Starts the API on {@code host:port} ({@link #DEFAULT_PORT} is Toxiproxy's; 0 picks any free port) with
   * {@link #DEFAULT_SEED}.
   *
   * @throws IllegalStateException when the address cannot be bound
   */
  public static ToxiproxyServer start(String host, int port) {
    return start(host, port, DEFAULT_SEED);
  }

  /**
   * Starts the API on {@code host:port} (0 picks any free port); every toxicity decision derives from {@code seed}.
   *
   * @throws IllegalStateException    when the address cannot be bound
   * @throws IllegalArgumentException when {@code gauntlet.toxiproxy.transport} names no transport that loads here
   */
  public static ToxiproxyServer start(String host, int port, long seed) {
    Transport transport =
        Transport.choose(System.getProperty("gauntlet.toxiproxy.transport", "auto"));
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    return new ToxiproxyServer(ApiServer.start(transport, host, port, threads, seed), host, seed);
  }

  /** {@code http://HOST:PORT}, where clients send API calls. */
  public URI baseUrl() {
    return URI.create(
        "http://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port());
  }

  /** The host the API listens on. */
  public String host() {
    return host;
  }

  /** The port the API listens on. */
  public int port() {
    return api.port();
  }

  /** The seed the toxicity decisions derive from; print it with a failure so the run can be repeated. */
  public long seed() {
    return seed;
  }

  /** Closes every proxy and its connections, then the API. Closing twice is harmless. */
  @Override
  public void close() {
    api.close();
  }
}
