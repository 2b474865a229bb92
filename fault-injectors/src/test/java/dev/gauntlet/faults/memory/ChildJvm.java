package dev.gauntlet.faults.memory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** A {@link HostMemoryChild} in a JVM of its own, on the test class path, driven line by line. */
final class ChildJvm implements AutoCloseable {

  private final Process process;
  private final BufferedReader out;
  private final PrintWriter in;

  private ChildJvm(Process process) {
    this.process = process;
    this.out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
  }

  static ChildJvm start() throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // A small, pre-touched heap and serial GC: the child's own RSS stays still while the injector
    // moves it.
    Process process =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Xms32m",
                    "-Xmx32m",
                    "-XX:+AlwaysPreTouch",
                    "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1",
                    "-cp",
                    System.getProperty("java.class.path"),
                    HostMemoryChild.class.getName()))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    ChildJvm child = new ChildJvm(process);
    child.expect("ready");
    return child;
  }

  long pid() {
    return process.pid();
  }

  String send(String command) throws IOException {
    in.println(command);
    return out.readLine();
  }

  Process process() {
    return process;
  }

  private void expect(String line) throws IOException {
    String got = out.readLine();
    if (!line.equals(got)) {
      throw new IllegalStateException("the child JVM said '" + got + "', expected '" + line + "'");
    }
  }

  @Override
  public void close() {
    in.println("exit");
    process.destroyForcibly();
  }
}
