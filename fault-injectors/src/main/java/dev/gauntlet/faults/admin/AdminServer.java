package dev.gauntlet.faults.admin;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;

/**
 * The fault plane's admin API, JSON over HTTP on loopback only:
 *
 * <pre>
 * GET  /health               {"status": "ok", "schedule": "not_started" | "started", …}
 * GET  /faults               {"faults": [{"name", "kind", "provider", "model", "window", "state", "source", …}]}
 * GET  /faults/{name}        one fault
 * POST /faults/{name}/on     switch it on by hand   (404 no such fault, 409 already on)
 * POST /faults/{name}/off    switch it off by hand  (404 no such fault, 409 already off)
 * POST /schedule/start       start the scenario's schedule now (409 when already started)
 * POST /providers/{name}/restart  restart a self-hosted provider's model server (404 when it is not one)
 * </pre>
 *
 * Errors answer {@code {"error": "…"}} with 404, 405, 409 or 500. Thread-safe; handlers run one at a time on the
 * server's own thread, which is why the API must stay quick.
 */
public final class AdminServer implements AutoCloseable {

  private final HttpServer server;

  private AdminServer(HttpServer server) {
    this.server = server;
  }

  /**
   * Starts the API for {@code control} on 127.0.0.1:{@code port} (0 for any free port).
   *
   * @throws IllegalStateException when the port cannot be bound, saying how to choose another
   */
  public static AdminServer start(int port, FaultControl control) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
      server.createContext("/", new AdminRoutes(control));
      server.start();
      return new AdminServer(server);
    } catch (IOException e) {
      throw new IllegalStateException(
          "could not listen on 127.0.0.1:"
              + port
              + " ("
              + e.getMessage()
              + "); is another process using it? set fault_plane.admin_port to a free port, or 0 for any",
          e);
    }
  }

  /** {@code http://127.0.0.1:PORT}. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Stops listening at once; a call in progress may be cut off. */
  @Override
  public void close() {
    server.stop(0);
  }
}
