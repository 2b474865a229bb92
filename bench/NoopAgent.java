import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * A no-op agent for bench/ceiling.sh: answers GET /health and POST /v1/tasks at once, with a fixed answer, so that
 * what limits the rate is the harness. {@code GET /count} says how many tasks it received. Run with {@code java bench/NoopAgent.java <port>}; loopback only.
 */
public final class NoopAgent {

  private static final byte[] ANSWER = "{\"output\":\"ok\",\"tool_calls\":[]}".getBytes(StandardCharsets.UTF_8);

  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(args[0]);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
    server.setExecutor(Executors.newFixedThreadPool(4));
    java.util.concurrent.atomic.AtomicLong tasks = new java.util.concurrent.atomic.AtomicLong();
    server.createContext("/count", exchange -> {
      byte[] count = Long.toString(tasks.get()).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, count.length);
      exchange.getResponseBody().write(count);
      exchange.close();
    });
    server.createContext("/", exchange -> {
      if (exchange.getRequestURI().getPath().equals("/v1/tasks")) {
        tasks.incrementAndGet();
      }
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
