package dev.gauntlet.faults.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The Java sample in docs/memory-faults.md is this test's body, so it compiles and runs. */
@EnabledOnOs(value = OS.LINUX, disabledReason = "resident memory is read from /proc")
class MemoryFaultsDocTest {

  @Test
  void theHostMemorySampleRunsAsDocumented() throws Exception {
    // docs:host-memory
    HostMemoryInjector injector = HostMemoryInjector.load();
    try (MemoryHold hold = injector.start(new MemoryRamp(64, 256))) { // 64 MiB at 256 MiB/s
      hold.awaitTarget(Duration.ofSeconds(5));
      ProcessMemory now = ProcessMemorySampler.self().sample();
      System.out.printf("RSS %.0f MiB%n", now.residentMegabytes());
    } // munmap: all of it given back
    // end
    assertThat(doc()).contains(sample("docs:host-memory"));
  }

  static String doc() throws Exception {
    return Files.readString(
        Path.of(System.getProperty("gauntlet.home"), "docs", "memory-faults.md"));
  }

  static String sample(String marker) throws Exception {
    String source =
        Files.readString(
            Path.of(
                System.getProperty("gauntlet.home"),
                "fault-injectors",
                "src",
                "test",
                "java",
                "dev",
                "gauntlet",
                "faults",
                "memory",
                "MemoryFaultsDocTest.java"));
    String region =
        source.substring(
            source.indexOf("// " + marker) + marker.length() + 4, source.indexOf("    // end"));
    return region
        .lines()
        .map(line -> line.substring(Math.min(4, line.length())))
        .collect(Collectors.joining("\n"));
  }
}
