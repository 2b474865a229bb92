package dev.gauntlet.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SLOs relative to a baseline run: {@code max_drop} and {@code max_increase}. */
class RelativeSloTest {

  @TempDir Path dir;

  private Path smokeWithSlos(String slos) throws IOException {
    String smoke = Files.readString(Path.of("smoke.yaml"));
    Path file = dir.resolve("smoke.yaml");
    Files.writeString(file, smoke.replaceFirst("(?m)^slos:\\n", "slos:\n" + slos));
    return file;
  }

  @Test
  void readsMaxDropAndMaxIncrease() throws IOException {
    Scenario s =
        ScenarioLoader.load(
            smokeWithSlos(
                """
          - metric: accuracy
            max_drop: 0.02
          - metric: latency.p95
            max_increase: 10%
        """));

    assertThat(s.slos())
        .contains(
            new SloSpec("accuracy", SloSpec.Scope.WHOLE, null, null, 0.02, null),
            new SloSpec("latency.p95", SloSpec.Scope.WHOLE, null, null, null, 0.1));
    assertThat(s.slos().get(0).relative()).isTrue();
  }

  @Test
  void rejectsARelativeSloMixedWithBoundsOrScoped() throws IOException {
    Path file =
        smokeWithSlos(
            """
          - metric: accuracy
            max_drop: 0.02
            min: 0.9
          - metric: latency.p95
            max_increase: 10%
            scope: during_faults
          - metric: latency.p99
            max_increase: lots
          - metric: recovery_time
            max_increase: 10%
        """);

    assertThatThrownBy(() -> ScenarioLoader.load(file))
        .hasMessageContaining(
            "slos[0]: must have either bounds (min, max) or one of max_drop, max_increase, "
                + "but had more")
        .hasMessageContaining("slos[1].scope: must be whole with max_drop or max_increase")
        .hasMessageContaining(
            "slos[2].max_increase: must be a rise such as 10% or 0.1 (at least 0), but was 'lots'")
        .hasMessageContaining("slos[3]: must bound recovery_time with max");
  }
}
