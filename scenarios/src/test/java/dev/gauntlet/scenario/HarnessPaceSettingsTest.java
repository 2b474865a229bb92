package dev.gauntlet.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code workload.warmup} and the harness-pace thresholds of {@code evaluation:}, as a scenario file states them. */
class HarnessPaceSettingsTest {

  @TempDir Path dir;

  /** smoke.yaml without its warm-up, {@code workloadLine} first in its workload, {@code evaluation} appended. */
  private Path smokeWith(String workloadLine, String evaluation) throws IOException {
    String smoke = Files.readString(Path.of("smoke.yaml")).replaceFirst("(?m)^  warmup: .*\\n", "");
    String text =
        smoke.replaceFirst("(?m)^workload:\\n", "workload:\n" + workloadLine)
            + (evaluation.isEmpty() ? "" : "\nevaluation:\n" + evaluation);
    Path file = dir.resolve("smoke.yaml");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void withoutSettingsThereIsNoWarmupAndTheDefaultThresholds() throws IOException {
    assertThat(ScenarioLoader.load(Path.of("smoke.yaml")).workload().warmup())
        .isEqualTo(Duration.ofSeconds(15));
    Scenario smoke = ScenarioLoader.load(smokeWith("", ""));
    assertThat(smoke.workload().warmup()).isZero();
    assertThat(smoke.evaluation().maxSendLag()).isEqualTo(Duration.ofMillis(10));
    assertThat(smoke.evaluation().minArrivalShare()).isEqualTo(0.99);
  }

  @Test
  void readsWarmupAndThresholds() throws IOException {
    Scenario s =
        ScenarioLoader.load(
            smokeWith("  warmup: 5s\n", "  max_send_lag: 25ms\n  min_arrival_share: 0.95\n"));
    assertThat(s.workload().warmup()).isEqualTo(Duration.ofSeconds(5));
    assertThat(s.evaluation().maxSendLag()).isEqualTo(Duration.ofMillis(25));
    assertThat(s.evaluation().minArrivalShare()).isEqualTo(0.95);
  }

  @Test
  void rejectsAWarmupAsLongAsTheProfile() throws IOException {
    Path file = smokeWith("  warmup: 45s\n", "");
    assertThatThrownBy(() -> ScenarioLoader.load(file))
        .hasMessageContaining("smoke.yaml:")
        .hasMessageContaining(
            "workload.warmup: must be shorter than the profile (45s), but was 45s");
  }

  @Test
  void rejectsAnArrivalShareOutsideZeroToOne() throws IOException {
    Path file = smokeWith("", "  min_arrival_share: 1.5\n");
    assertThatThrownBy(() -> ScenarioLoader.load(file))
        .hasMessageContaining(
            "evaluation.min_arrival_share: must be a number in [0, 1], but was 1.5");
    Path zero = smokeWith("", "  min_arrival_share: 0\n");
    assertThatThrownBy(() -> ScenarioLoader.load(zero))
        .hasMessageContaining("evaluation.min_arrival_share: must be in (0, 1], but was 0");
  }

  @Test
  void rejectsAnUnreadableSendLag() throws IOException {
    Path file = smokeWith("", "  max_send_lag: soon\n");
    assertThatThrownBy(() -> ScenarioLoader.load(file))
        .hasMessageContaining("evaluation.max_send_lag: must be a duration such as 500ms");
  }
}
