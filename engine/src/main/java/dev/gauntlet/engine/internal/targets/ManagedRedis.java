package dev.gauntlet.engine.internal.targets;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A {@code redis-server} Gauntlet starts for the reference agent ({@code target.redis: managed}): on a free loopback
 * port, with persistence off, its output in the run directory, stopped with the run. Thread-safe.
 */
public final class ManagedRedis implements AutoCloseable {

  private static final long READY_TIMEOUT_MS = 10_000;

  private final Process process;
  private final int port;

  private ManagedRedis(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts {@code redis-server} from the PATH and waits until it answers {@code PING}.
   *
   * @throws IllegalStateException when there is no {@code redis-server} on the PATH, or it does not start, saying
   *     what to do
   */
  public static ManagedRedis start(Path log) {
    Path binary =
        onPath("redis-server")
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "target.redis: managed needs "
                            + "redis-server on the PATH, but none was found in "
                            + System.getenv("PATH")
                            + "; install it (Debian: "
                            + "apt-get install redis-server) or drop target.redis"));
    int port = freePort();
    ProcessBuilder builder =
        new ProcessBuilder(
                binary.toString(),
                "--port",
                String.valueOf(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--protected-mode",
                "yes")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException("could not start " + binary + ": " + e.getMessage(), e);
    }
    ManagedRedis redis = new ManagedRedis(process, port);
    long deadline = System.currentTimeMillis() + READY_TIMEOUT_MS;
    while (!redis.pings()) {
      if (!process.isAlive() || System.currentTimeMillis() > deadline) {
        redis.close();
        throw new IllegalStateException(
            "redis-server did not answer PING on 127.0.0.1:"
                + port
                + " within "
                + READY_TIMEOUT_MS / 1000
                + " s; its output is in "
                + log);
      }
      sleep(50);
    }
    return redis;
  }

  /** {@code 127.0.0.1:PORT}. */
  public String address() {
    return "127.0.0.1:" + port;
  }

  private boolean pings() {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 500);
      s.setSoTimeout(500);
      OutputStream out = s.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      byte[] answer = new byte[7];
      int n = in.readNBytes(answer, 0, 7);
      return new String(answer, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG");
    } catch (IOException e) {
      return false;
    }
  }

  /** Stops the server and waits for it to exit. Idempotent. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    List<String> dirs = path == null ? List.of() : List.of(path.split(File.pathSeparator));
    return dirs.stream()
        .map(d -> Path.of(d, name))
        .filter(Files::isExecutable)
        .findFirst()
        .or(() -> Optional.of(Path.of("/usr/bin", name)).filter(Files::isExecutable));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(
          "no free loopback port for redis-server: " + e.getMessage(), e);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
