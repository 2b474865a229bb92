import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * A no-op agent for bench/ceiling.sh: answers GET /health and POST /v1/tasks at once, with a fixed answer, so that
 * what limits the rate is the harness. Run with {@code java bench/NoopAgent.java <port>}; loopback only.
 */
public final class NoopAgent {

  private static final byte[] ANSWER = "{\"output\":\"ok\",\"tool_calls\":[]}".getBytes(StandardCharsets.UTF_8);

  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(args[0]);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/", exchange -> {
      try (InputStream body = exchange.getRequestBody()) {
        body.transferTo(java.io.OutputStream.nullOutputStream());
      }
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, ANSWER.length);
      exchange.getResponseBody().write(ANSWER);
      exchange.close();
    });
    server.start();
    System.out.println("noop agent on http://127.0.0.1:" + port);
  }
}
