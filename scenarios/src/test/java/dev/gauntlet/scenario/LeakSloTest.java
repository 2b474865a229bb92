package dev.gauntlet.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The memory-leak SLOs: {@code leak_rate} (MB per inference) and {@code leak.detection_time}. */
class LeakSloTest {

  @TempDir Path dir;

  private Path smokeWithSlos(String slos) throws IOException {
    String smoke = Files.readString(Path.of("smoke.yaml"));
    Path file = dir.resolve("smoke.yaml");
    Files.writeString(file, smoke.replaceFirst("(?m)^slos:\\n", "slos:\n" + slos));
    return file;
  }

  @Test
  void readsALeakRateBoundInMegabytesPerInference() throws IOException {
    Scenario s =
        ScenarioLoader.load(
            smokeWithSlos(
                """
          - metric: leak_rate
            max: 1
          - metric: leak_rate
            max: 0.5
            scope: during_faults
        """));

    assertThat(s.slos())
        .contains(
            new SloSpec("leak_rate", SloSpec.Scope.WHOLE, null, 1.0),
            new SloSpec("leak_rate", SloSpec.Scope.DURING_FAULTS, null, 0.5));
    assertThat(Metrics.UNITS.get("leak_rate")).isEqualTo(Metrics.Unit.MB_PER_INFERENCE);
    assertThat(Metrics.UNITS.get("leak.detection_time")).isEqualTo(Metrics.Unit.SECONDS);
  }

  @Test
  void rejectsRelativeOrScopedLeakSlosAndDetectionWithoutAGpuLeak() throws IOException {
    Path file =
        smokeWithSlos(
            """
          - metric: leak_rate
            max_increase: 10%
          - metric: leak.detection_time
            max: 30s
            scope: during_faults
          - metric: leak_rate
            max: -1
        """);

    assertThatThrownBy(() -> ScenarioLoader.load(file))
        .hasMessageContaining(
            "slos[0]: must bound leak_rate with min, max or both (it is judged on its confidence "
                + "interval), but had max_drop or max_increase")
        .hasMessageContaining(
            "slos[1].scope: must be whole for leak.detection_time (it is judged per gpu_leak "
                + "window), but was 'during_faults'")
        .hasMessageContaining("slos[2].max:")
        .hasMessageContaining(
            "slos: must not ask for leak.detection_time without a gpu_leak fault, but the "
                + "scenario has none");
  }
}
