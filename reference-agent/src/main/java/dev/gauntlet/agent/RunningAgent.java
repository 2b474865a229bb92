package dev.gauntlet.agent;

import com.sun.net.httpserver.HttpServer;
import dev.gauntlet.agent.internal.AgentState;
import dev.gauntlet.agent.internal.CatalogLoader;
import dev.gauntlet.agent.internal.LlmGateway;
import dev.gauntlet.agent.internal.Watchdog;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A reference agent that is listening. It answers {@code /health} with 503 until the tool
 * catalog is loaded, then 200. Close it to stop the server and release its clients, Redis's included.
 *
 * <p>Thread-safe.
 */
public final class RunningAgent implements AutoCloseable {
  private final AgentConfig config;
  private final HttpServer server;
  private final List<ExecutorService> pools;
  private final CatalogLoader catalog;
  private final LlmGateway gateway;
  private final AgentState state;
  private final Optional<Watchdog> watchdog;

  RunningAgent(
      AgentConfig config,
      HttpServer server,
      List<ExecutorService> pools,
      CatalogLoader catalog,
      LlmGateway gateway,
      AgentState state,
      Optional<Watchdog> watchdog) {
    this.config = config;
    this.server = server;
    this.pools = List.copyOf(pools);
    this.catalog = catalog;
    this.gateway = gateway;
    this.state = state;
    this.watchdog = watchdog;
  }

  /** The port it listens on; the real one when the configuration asked for port 0. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Such as {@code http://127.0.0.1:8080}. */
  public URI baseUri() {
    return URI.create("http://" + config.host() + ":" + port());
  }

  public AgentConfig config() {
    return config;
  }

  /** True once the tool catalog is loaded, that is when {@code /health} answers 200. */
  public boolean isReady() {
    return catalog.catalog().isPresent();
  }

  /**
   * Waits until the catalog is loaded or its loading gave up.
   *
   * @return true when ready
   */
  public boolean awaitReady(Duration timeout) throws InterruptedException {
    return catalog.await(timeout);
  }

  /** Why the catalog could not be loaded yet, for error messages. */
  public String catalogError() {
    return catalog.lastError();
  }

  /** Restarts the watchdog has requested of the self-hosted primary; 0 without a watchdog (naive mode, no URL). */
  public int watchdogRestarts() {
    return watchdog.map(Watchdog::restarts).orElse(0);
  }

  @Override
  public void close() {
    watchdog.ifPresent(Watchdog::close);
    catalog.stop();
    server.stop(0);
    pools.forEach(ExecutorService::shutdownNow);
    try {
      for (ExecutorService pool : pools) {
        pool.awaitTermination(2, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    gateway.close();
    state.close();
  }
}
