package dev.gauntlet.engine.internal.targets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The bundled reference agent, started as a child JVM from this JVM's class path and configured only through its
 * environment, the way a real deployment is. Its output goes to {@code agent.log} in the run directory.
 */
public final class EmbeddedAgent implements AgentTarget {

  private static final String MAIN = "dev.gauntlet.agent.ReferenceAgent";

  private final Process process;
  private final URI url;
  private volatile boolean closing;

  private EmbeddedAgent(Process process, URI url) {
    this.process = process;
    this.url = url;
  }

  /**
   * Starts the agent with {@code env} (plus {@code AGENT_HOST} and {@code AGENT_PORT}, chosen here).
   *
   * @param log file that receives the agent's stdout and stderr
   */
  public static EmbeddedAgent start(Map<String, String> env, Path log) {
    int port = freePort();
    List<String> command =
        new ArrayList<>(
            List.of(
                javaBinary(),
                "-Xms256m",
                "-Xmx1g",
                "-XX:+UseParallelGC",
                "-cp",
                System.getProperty("java.class.path"),
                MAIN));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(env);
    builder.environment().put("AGENT_HOST", "127.0.0.1");
    builder.environment().put("AGENT_PORT", String.valueOf(port));
    builder.environment().put("AGENT_EXIT_WITH_PARENT", "true");
    try {
      return new EmbeddedAgent(builder.start(), URI.create("http://127.0.0.1:" + port));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not start the reference agent with "
              + command.get(0)
              + "; is a JDK on the PATH or JAVA_HOME set?",
          e);
    }
  }

  @Override
  public URI baseUrl() {
    return url;
  }

  @Override
  public Optional<String> deathReason() {
    if (closing || process.isAlive()) {
      return Optional.empty();
    }
    return Optional.of("the reference agent exited with status " + process.exitValue());
  }

  @Override
  public void close() {
    closing = true;
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

  private static String javaBinary() {
    return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not find a free loopback port for the reference agent", e);
    }
  }
}
