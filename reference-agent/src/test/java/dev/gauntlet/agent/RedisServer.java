package dev.gauntlet.agent;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A real {@code redis-server} on a free loopback port, without persistence, that a test starts,
 * kills, pauses and restarts on the same port to make outages. Without {@code redis-server} on the
 * PATH a test is skipped, or fails when the {@code CI} variable is set.
 */
final class RedisServer implements AutoCloseable {
  private static final long READY_MILLIS = 5_000;

  private final int port;
  private final Path log;
  private Process process;

  private RedisServer(int port, Path log) {
    this.port = port;
    this.log = log;
  }

  static RedisServer start() throws IOException, InterruptedException {
    requireInstalled();
    RedisServer server =
        new RedisServer(freePort(), Files.createTempFile("gauntlet-redis-", ".log"));
    server.restart();
    return server;
  }

  String url() {
    return "redis://127.0.0.1:" + port;
  }

  int port() {
    return port;
  }

  /** A client of its own, for assertions; close it. */
  Jedis client() {
    return new Jedis("127.0.0.1", port, 2_000);
  }

  /** SIGKILL: the port refuses connections at once. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(5, TimeUnit.SECONDS);
  }

  /** SIGSTOP: connections are still accepted by the kernel, but nothing is ever answered. */
  void pause() throws IOException, InterruptedException {
    signal("-STOP");
  }

  void resume() throws IOException, InterruptedException {
    signal("-CONT");
  }

  /** Starts a fresh, empty server on the same port and waits until it answers PING. */
  void restart() throws IOException, InterruptedException {
    process =
        new ProcessBuilder(
                "redis-server",
                "--port",
                String.valueOf(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(READY_MILLIS);
    while (!answersPing()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "redis-server did not answer PING on 127.0.0.1:"
                + port
                + " after "
                + READY_MILLIS
                + " ms; its output:\n"
                + Files.readString(log));
      }
      Thread.sleep(10);
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    kill();
    Files.deleteIfExists(log);
  }

  private boolean answersPing() {
    try (Jedis jedis = new Jedis("127.0.0.1", port, 200)) {
      return "PONG".equals(jedis.ping());
    } catch (JedisException notYet) {
      return false;
    }
  }

  private void signal(String signal) throws IOException, InterruptedException {
    Process kill =
        new ProcessBuilder("kill", signal, String.valueOf(process.pid())).inheritIO().start();
    Assertions.assertEquals(0, kill.waitFor(), "kill " + signal + " " + process.pid());
  }

  private static void requireInstalled() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "redis-server"))) {
        return;
      }
    }
    String why =
        "redis-server is not on the PATH ("
            + path
            + "); install it (apt-get install redis-server, "
            + "brew install redis) to run the Redis tests";
    if (System.getenv("CI") != null) {
      Assertions.fail(why + "; CI is set, so they must run");
    }
    Assumptions.abort(why);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
