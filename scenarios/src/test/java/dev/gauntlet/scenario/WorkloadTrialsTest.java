package dev.gauntlet.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkloadTrialsTest {

  @TempDir Path dir;

  private Path smokeWith(String trials) throws IOException {
    String smoke = Files.readString(Path.of("smoke.yaml"));
    Path file = dir.resolve("smoke.yaml");
    Files.writeString(
        file, smoke.replaceFirst("(?m)^workload:\\n", "workload:\n  trials: " + trials + "\n"));
    return file;
  }

  @Test
  void trialsDefaultToOne() {
    assertThat(ScenarioLoader.load(Path.of("smoke.yaml")).workload().trials()).isEqualTo(1);
  }

  @Test
  void trialsAreRead() throws IOException {
    assertThat(ScenarioLoader.load(smokeWith("5")).workload().trials()).isEqualTo(5);
  }

  @Test
  void rejectsTrialsOutsideOneToSixtyFour() throws IOException {
    Path zero = smokeWith("0");
    assertThatThrownBy(() -> ScenarioLoader.load(zero))
        .hasMessageContaining("workload.trials: must be a number in [1, 64], but was 0");
    Path many = smokeWith("65");
    assertThatThrownBy(() -> ScenarioLoader.load(many)).hasMessageContaining("but was 65");
  }

  @Test
  void rejectsFractionalTrials() throws IOException {
    Path half = smokeWith("2.5");
    assertThatThrownBy(() -> ScenarioLoader.load(half))
        .hasMessageContaining("workload.trials: must be a whole number in [1, 64], but was 2.5");
  }

  @Test
  void newMetricsAreSloMetrics() {
    assertThat(Metrics.NAMES)
        .contains(
            "accuracy.ci_low",
            "accuracy.ci_high",
            "pass^k",
            "pass@k",
            "goodput",
            "cost.per_success",
            "cost.per_day");
  }
}
