package dev.gauntlet.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkloadProtocolTest {

  @TempDir Path dir;

  /** smoke.yaml with its {@code protocol: sync} line (line 18) replaced by {@code lines}. */
  private Path smokeWith(String lines) throws IOException {
    String smoke = Files.readString(Path.of("smoke.yaml"));
    Path file = dir.resolve("smoke.yaml");
    Files.writeString(file, smoke.replaceFirst("(?m)^  protocol: sync\\n", lines));
    return file;
  }

  @Test
  void protocolIsSyncAndPollIntervalTheDefaultWhenNotSaid() throws IOException {
    Workload workload = ScenarioLoader.load(smokeWith("")).workload();

    assertThat(workload.protocol()).isEqualTo(Workload.Protocol.SYNC);
    assertThat(workload.pollInterval()).isEqualTo(Duration.ofMillis(200));
  }

  @Test
  void readsAsyncWithItsPollInterval() throws IOException {
    Workload workload =
        ScenarioLoader.load(smokeWith("  protocol: async\n  poll_interval: 50ms\n")).workload();

    assertThat(workload.protocol()).isEqualTo(Workload.Protocol.ASYNC);
    assertThat(workload.pollInterval()).isEqualTo(Duration.ofMillis(50));
  }

  @Test
  void readsStream() throws IOException {
    assertThat(ScenarioLoader.load(smokeWith("  protocol: stream\n")).workload().protocol())
        .isEqualTo(Workload.Protocol.STREAM);
  }

  @Test
  void rejectsAnUnknownProtocolWithFileAndLine() throws IOException {
    Path grpc = smokeWith("  protocol: grpc\n");

    assertThatThrownBy(() -> ScenarioLoader.load(grpc))
        .hasMessageContaining(
            "smoke.yaml:18:13 workload.protocol: must be one of [sync, async, stream], but was 'grpc'");
  }

  @Test
  void rejectsAZeroOrMalformedPollInterval() throws IOException {
    Path zero = smokeWith("  protocol: async\n  poll_interval: 0s\n");
    assertThatThrownBy(() -> ScenarioLoader.load(zero))
        .hasMessageContaining(
            "smoke.yaml:19:18 workload.poll_interval: must be longer than 0s, but was 0s");
    Path soon = smokeWith("  protocol: async\n  poll_interval: soon\n");
    assertThatThrownBy(() -> ScenarioLoader.load(soon))
        .hasMessageContaining(
            "workload.poll_interval: must be a duration such as 500ms, 30s, 2m or 1h, but was 'soon'");
  }

  @Test
  void rejectsAPollIntervalOnAProtocolThatDoesNotPoll() throws IOException {
    Path stream = smokeWith("  protocol: stream\n  poll_interval: 1s\n");

    assertThatThrownBy(() -> ScenarioLoader.load(stream))
        .hasMessageContaining(
            "workload.poll_interval: must only be set with protocol: async, but protocol was stream");
  }

  @Test
  void anUnknownProtocolIsReportedOnceNotAgainThroughItsPollInterval() throws IOException {
    Path grpc = smokeWith("  protocol: grpc\n  poll_interval: 1s\n");

    assertThatThrownBy(() -> ScenarioLoader.load(grpc))
        .hasMessageContaining("workload.protocol: must be one of")
        .hasMessageNotContaining("must only be set with protocol: async");
  }

  @Test
  void ttftPercentilesAreSloMetricsInSeconds() {
    assertThat(Metrics.UNITS)
        .containsEntry("ttft.p50", Metrics.Unit.SECONDS)
        .containsEntry("ttft.p95", Metrics.Unit.SECONDS)
        .containsEntry("ttft.p99", Metrics.Unit.SECONDS);
  }
}
