package dev.gauntlet.faults.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Extension;
import java.net.URI;

/**
 * A WireMock server on a free loopback port whose every request goes to the given extensions through one
 * catch-all stub. The request journal and request logging are off: with them on WireMock serves about eight times
 * fewer calls per second, and the ledger records what matters. Thread-safe.
 */
public final class MockServer implements AutoCloseable {

  /** Enough for a few hundred concurrent blocking clients, since every answer is computed without waiting. */
  private static final int CONTAINER_THREADS = 256;

  private final WireMockServer server;

  private MockServer(WireMockServer server) {
    this.server = server;
  }

  /**
   * Starts a server on {@code port} (0 for any free one) whose catch-all stub is answered by {@code extensions}.
   *
   * @throws IllegalStateException when the port cannot be bound, saying which and how to choose another
   */
  public static MockServer start(int port, String portSetting, Extension... extensions) {
    WireMockServer server =
        new WireMockServer(
            options()
                .port(port)
                .bindAddress("127.0.0.1")
                .disableRequestJournal()
                .stubRequestLoggingDisabled(true)
                .templatingEnabled(false)
                .containerThreads(CONTAINER_THREADS)
                .extensions(extensions));
    try {
      server.start();
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "could not listen on 127.0.0.1:"
              + port
              + " ("
              + e.getMessage()
              + "); is another process using it? set "
              + portSetting
              + " to a free port, or 0 for any",
          e);
    }
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)));
    return new MockServer(server);
  }

  /** {@code http://127.0.0.1:PORT}. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  @Override
  public void close() {
    if (server.isRunning()) {
      server.stop();
    }
  }
}
