package dev.gauntlet.reports.leak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The leak detector's sample in docs/memory-faults.md is this test's body, so it compiles and runs. */
class LeakDocTest {

  @Test
  void theLeakDetectorSampleRunsAsDocumented() throws Exception {
    // docs:leak
    List<LeakSample> samples =
        List.of(
            new LeakSample(0, 800),
            new LeakSample(100, 812),
            new LeakSample(200, 819),
            new LeakSample(300, 831),
            new LeakSample(400, 840));
    if (LeakDetector.DEFAULT.fit(samples) instanceof LeakEstimate leak) {
      System.out.printf(
          "%.3f MB per task, 95%% CI [%.3f, %.3f], r² %.3f%n",
          leak.mbPerTask(), leak.lowerMbPerTask(), leak.upperMbPerTask(), leak.rSquared());
    }
    // end
    Path home = Path.of(System.getProperty("gauntlet.home"));
    String source =
        Files.readString(
            home.resolve("reports/src/test/java/dev/gauntlet/reports/leak/LeakDocTest.java"));
    String region =
        source.substring(
            source.indexOf("// docs:leak") + "// docs:leak".length() + 1,
            source.indexOf("    // end"));
    String sample =
        region
            .lines()
            .map(line -> line.substring(Math.min(4, line.length())))
            .collect(Collectors.joining("\n"));
    assertThat(Files.readString(home.resolve("docs/memory-faults.md"))).contains(sample);
    assertThat(((LeakEstimate) LeakDetector.DEFAULT.fit(samples)).mbPerTask())
        .isCloseTo(0.099, within(1e-12));
  }
}
