package dev.gauntlet.faults.memory;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.time.Duration;

/**
 * The child JVM of {@link HostMemoryInjectorTest}: reads commands on stdin ({@code inject MB RATE}, {@code release},
 * {@code exit}) and answers each with one line on stdout once it is done, so the parent can read the child's RSS
 * from /proc between steps.
 */
public final class HostMemoryChild {

  public static void main(String[] args) throws Exception {
    HostMemoryInjector injector = HostMemoryInjector.load();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
    MemoryHold hold = null;
    System.out.println("ready");
    for (String line; (line = in.readLine()) != null; ) {
      String[] words = line.split(" ");
      switch (words[0]) {
        case "inject" -> {
          hold =
              injector.start(
                  new MemoryRamp(Long.parseLong(words[1]), Double.parseDouble(words[2])));
          System.out.println(
              hold.awaitTarget(Duration.ofSeconds(60))
                  ? "held " + hold.allocatedBytes()
                  : "failed " + hold.failure().orElse("timeout"));
        }
        case "release" -> {
          hold.close();
          System.out.println("released " + hold.allocatedBytes());
        }
        case "hold-and-exit" -> {
          // Exits with the hold still open: the shutdown hook releases it.
          System.out.println("exiting");
          System.exit(0);
        }
        default -> {
          System.out.println("bye");
          return;
        }
      }
    }
  }
}
