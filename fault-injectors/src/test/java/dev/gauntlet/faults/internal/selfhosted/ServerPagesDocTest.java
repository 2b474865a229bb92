package dev.gauntlet.faults.internal.selfhosted;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.scenario.Fault;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The {@code /metrics} page and the out-of-memory body shown in docs/memory-faults.md are what the server renders. */
class ServerPagesDocTest {

  private static final double VRAM = 80 * 1024;
  private static final double BASELINE = 56 * 1024;

  @Test
  void theMetricsSampleIsRendered() throws Exception {
    String page =
        GpuMetrics.render(
            "llama-3.1-8b-instruct",
            new Gpu.Snapshot(Gpu.State.READY, 0.93 * VRAM, VRAM, 1234, 0, 3));

    assertThat(doc()).contains("```\n" + page + "```\n");
  }

  @Test
  void theOutOfMemoryBodyIsRendered() throws Exception {
    double leak = Fault.GpuLeak.DEFAULT_PER_INFERENCE_MB;
    double used =
        BASELINE + Math.floor((VRAM - BASELINE) / leak) * leak; // the last 180 MB that fitted

    String body = ModelErrors.oom(new Gpu.Admission.OutOfMemory(leak, VRAM - used, used, VRAM));

    assertThat(doc()).contains("```json\n" + body + "\n```\n");
  }

  private static String doc() throws Exception {
    return Files.readString(
        Path.of(System.getProperty("gauntlet.home"), "docs", "memory-faults.md"));
  }
}
